using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>The body of <c>GET /conversations/{id}</c>: the turns kept, oldest first.</summary>
public sealed record ConversationResponse(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("turns")] IReadOnlyList<TurnResponse> Turns);
