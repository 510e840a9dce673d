namespace Chatbot.ApiService.Memory;

/// <summary>The owner's vote on one answer ("up" or "down"), an optional comment, and when it was given.</summary>
public sealed record TurnFeedback(string Vote, string? Comment, DateTimeOffset At);

/// <summary>What setting an answer's feedback came to: whether the store holds that answer, and the feedback it replaced.</summary>
public readonly record struct FeedbackUpdate(bool Found, TurnFeedback? Previous)
{
    public static FeedbackUpdate NotFound => new(false, null);

    public static FeedbackUpdate Replaced(TurnFeedback? previous) => new(true, previous);
}
