using System.ComponentModel.DataAnnotations;

namespace Chatbot.ApiService.Prewarm;

/// <summary><c>Chatbot:Prewarm</c>.</summary>
public sealed class PrewarmOptions
{
    public const string Section = "Chatbot:Prewarm";

    /// <summary>Warm up in the background as the process starts; readiness waits for it.</summary>
    public bool OnStartup { get; set; } = true;

    /// <summary>Connect again once no answer has begun for this long (the seed's 5 minutes: idle connections close); zero never does.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = Section + ":RewarmWhenQuietFor must be between zero (never) and a day.")]
    public TimeSpan RewarmWhenQuietFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first wait before a component that failed to warm is tried again; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", MinimumIsExclusive = true, ErrorMessage = Section + ":RetryDelay must be positive and at most an hour.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", MinimumIsExclusive = true, ErrorMessage = Section + ":MaxRetryDelay must be positive and at most a day.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
