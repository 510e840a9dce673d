using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace Chatbot.ApiService.Answers;

/// <summary><c>Chatbot:RateLimits</c>: per user (or per client address without identity).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Chatbot:RateLimits";

    [Range(1, int.MaxValue, ErrorMessage = Section + ":QuestionsPerMinute must be at least 1.")]
    public int QuestionsPerMinute { get; set; } = 30;

    [Range(1, int.MaxValue, ErrorMessage = Section + ":ConcurrentStreamsPerUser must be at least 1.")]
    public int ConcurrentStreamsPerUser { get; set; } = 3;

    /// <summary>One user's open answers: <see cref="ConcurrentStreamsPerUser"/> at once, none queued.</summary>
    public ConcurrencyLimiterOptions OpenAnswers() => new() { PermitLimit = ConcurrentStreamsPerUser, QueueLimit = 0 };
}
