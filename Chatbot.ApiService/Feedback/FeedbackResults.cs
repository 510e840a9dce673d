using Chatbot.ApiService.Memory;

namespace Chatbot.ApiService.Feedback;

/// <summary>What a vote (or clearing one) came to: the feedback stored, or why not.</summary>
/// <param name="Field">For <see cref="FeedbackStatus.Invalid"/>: the field at fault, with <paramref name="Problem"/> saying what is wrong.</param>
public sealed record FeedbackResult(FeedbackStatus Status, TurnFeedback? Feedback = null, string? Field = null, string? Problem = null)
{
    public static FeedbackResult ConversationNotFound { get; } = new(FeedbackStatus.ConversationNotFound);

    public static FeedbackResult AnswerNotFound { get; } = new(FeedbackStatus.AnswerNotFound);

    public static FeedbackResult Invalid(string field, string problem) => new(FeedbackStatus.Invalid, Field: field, Problem: problem);
}

public enum FeedbackStatus
{
    /// <summary>Stored (set, or cleared when <see cref="FeedbackResult.Feedback"/> is null).</summary>
    Stored,

    /// <summary>The caller has no conversation with this id.</summary>
    ConversationNotFound,

    /// <summary>The conversation holds no answer of this run (another's, unknown, not yet finished, or no longer kept).</summary>
    AnswerNotFound,

    /// <summary>A vote or comment out of the rules, or an answer that takes no vote (incomplete).</summary>
    Invalid,
}
