using System.Text.Json.Serialization;
using Chatbot.ApiService.Memory;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The body of <c>GET /conversations/{id}</c>: the turns kept, oldest first.</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("turns")] IReadOnlyList<TurnResponse> Turns)
{
    public static ConversationResponse From(string conversationId, IReadOnlyList<ConversationTurn> turns) =>
        new(conversationId, [.. turns.Select(TurnResponse.From)]);
}

/// <summary>One turn as a client sees it.</summary>
public sealed record TurnResponse(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("agent")] string? Agent,
    [property: JsonPropertyName("run_id")] string? RunId,
    [property: JsonPropertyName("incomplete")] bool Incomplete)
{
    public static TurnResponse From(ConversationTurn turn) => new(turn.Role, turn.Content, turn.At, turn.Agent, turn.RunId, turn.Incomplete);
}
