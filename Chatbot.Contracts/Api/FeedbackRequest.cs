using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>The body of <c>PUT /conversations/{id}/answers/{run_id}/feedback</c>: the caller's vote on one answer.</summary>
public sealed record FeedbackRequest(
    [property: JsonPropertyName("vote")] string? Vote,
    [property: JsonPropertyName("comment")] string? Comment = null)
{
    public const string Up = "up";
    public const string Down = "down";

    /// <summary>The longest comment taken, in characters.</summary>
    public const int MaxCommentLength = 1_000;
}
