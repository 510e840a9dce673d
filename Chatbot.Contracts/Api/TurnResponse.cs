using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>One stored turn as a client sees it; <see cref="Feedback"/> is the caller's vote on an answer, absent without one.</summary>
public sealed record TurnResponse(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("agent")] string? Agent = null,
    [property: JsonPropertyName("run_id")] string? RunId = null,
    [property: JsonPropertyName("incomplete")] bool Incomplete = false,
    [property: JsonPropertyName("sources")] IReadOnlyList<AnswerSource>? Sources = null,
    [property: JsonPropertyName("feedback"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] FeedbackResponse? Feedback = null)
{
    public const string UserRole = "user";
    public const string AssistantRole = "assistant";
}
