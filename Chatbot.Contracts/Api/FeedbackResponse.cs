using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>The caller's vote on an answer, as stored: the answer to a vote, and a turn's <c>feedback</c>.</summary>
public sealed record FeedbackResponse(
    [property: JsonPropertyName("vote")] string Vote,
    [property: JsonPropertyName("comment"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comment = null);
