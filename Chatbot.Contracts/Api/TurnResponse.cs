using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>One stored turn as a client sees it.</summary>
public sealed record TurnResponse(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("agent")] string? Agent = null,
    [property: JsonPropertyName("run_id")] string? RunId = null,
    [property: JsonPropertyName("incomplete")] bool Incomplete = false,
    [property: JsonPropertyName("sources")] IReadOnlyList<AnswerSource>? Sources = null)
{
    public const string UserRole = "user";
    public const string AssistantRole = "assistant";
}
