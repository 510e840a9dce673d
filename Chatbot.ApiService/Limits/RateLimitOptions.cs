namespace Chatbot.ApiService.Limits;

/// <summary><c>Chatbot:RateLimits</c>: per user (or per client address without identity).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Chatbot:RateLimits";

    public int QuestionsPerMinute { get; set; } = 30;

    public int ConcurrentStreamsPerUser { get; set; } = 3;
}
