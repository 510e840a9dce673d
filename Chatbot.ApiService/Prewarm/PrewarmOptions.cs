using System.ComponentModel.DataAnnotations;

namespace Chatbot.ApiService.Prewarm;

/// <summary><c>Chatbot:Prewarm</c>.</summary>
public sealed class PrewarmOptions
{
    public const string Section = "Chatbot:Prewarm";

    /// <summary>Warm up in the background as the process starts, so no request finds it cold.</summary>
    public bool OnStartup { get; set; } = true;

    /// <summary>
    /// How many times prewarm asks each of its questions over HTTP in a pass. The runtime
    /// recompiles a method optimized after 30 calls, so a few dozen answers a pass leave the
    /// first user's request path compiled (docs/benchmarks.md, "A new replica").
    /// </summary>
    [Range(1, 1000, ErrorMessage = Section + ":HttpRounds must be between 1 and 1000.")]
    public int HttpRounds { get; set; } = 15;

    /// <summary>
    /// After the first pass, how many times prewarm waits for the runtime to finish recompiling
    /// what the rounds made hot and asks its rounds again, before readiness. A method's calls count
    /// only once start-up's flood of new methods has paused, and each counted pass takes it one tier
    /// up (quick code, then instrumented, then optimized with its profile), so with three a new
    /// replica serves its first answers at about its settled cost rather than 3–5× it; each wait
    /// costs readiness up to <see cref="TierUpWait"/>. Zero: ready as soon as one pass is asked.
    /// </summary>
    [Range(0, 10, ErrorMessage = Section + ":TierUpPasses must be between 0 and 10.")]
    public int TierUpPasses { get; set; } = 3;

    /// <summary>The longest one wait for the runtime's recompiling lasts; a busy machine may never look quiet.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", MinimumIsExclusive = true, ErrorMessage = Section + ":TierUpWait must be positive and at most a minute.")]
    public TimeSpan TierUpWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>All of prewarm's waits at their longest: one after each pass.</summary>
    public TimeSpan LongestTierUp => (TierUpPasses + 1) * TierUpWait;

    /// <summary>Warm again once no answer has begun for this long (the seed's 5 minutes: idle connections close); zero never does.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = Section + ":RewarmWhenQuietFor must be between zero (never) and a day.")]
    public TimeSpan RewarmWhenQuietFor { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The first wait before a component that failed to warm is tried again; it doubles up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", MinimumIsExclusive = true, ErrorMessage = Section + ":RetryDelay must be positive and at most an hour.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", MinimumIsExclusive = true, ErrorMessage = Section + ":MaxRetryDelay must be positive and at most a day.")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
