using Chatbot.Benchmarks.Client;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// One concurrency level: its warm-up and measured request counts, and time bounds. A measured
/// phase sends at least <see cref="MeasuredRequests"/> and goes on for at least
/// <see cref="MeasuredMinDuration"/> (the baseline would otherwise be done in a tenth of a
/// second), within <see cref="MeasuredTimeLimit"/> and <see cref="MaxRequestsFactor"/> times the count.
/// </summary>
public sealed record LoadLevel(int Concurrency, int WarmupRequests, int MeasuredRequests)
{
    public const int MaxRequestsFactor = 50;
    public static readonly TimeSpan WarmupTimeLimit = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan MeasuredMinDuration = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan MeasuredTimeLimit = TimeSpan.FromSeconds(40);

    public ClosedLoop Warmup => new(Concurrency, WarmupRequests, WarmupTimeLimit);

    public ClosedLoop Measured => new(Concurrency, MeasuredRequests * MaxRequestsFactor, MeasuredTimeLimit,
        MinRequests: MeasuredRequests, MinDuration: MeasuredMinDuration);

    /// <summary>
    /// Enough answers for a stable p99 (at least 500 from c=64 up, 20 per user), a warm-up of
    /// two rounds per user (at least 50), scaled by <c>--requests-scale</c>.
    /// </summary>
    public static LoadLevel For(int concurrency, double scale) => new(
        concurrency,
        WarmupRequests: Math.Max(50, 2 * concurrency),
        MeasuredRequests: (int)Math.Ceiling(Math.Max(600, 20 * concurrency) * scale));
}
