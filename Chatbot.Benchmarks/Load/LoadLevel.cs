namespace Chatbot.Benchmarks.Load;

/// <summary>One concurrency level: its warm-up and measured request counts, and a time bound on each.</summary>
public sealed record LoadLevel(int Concurrency, int WarmupRequests, int MeasuredRequests)
{
    public static readonly TimeSpan WarmupTimeLimit = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan MeasuredTimeLimit = TimeSpan.FromSeconds(40);

    /// <summary>
    /// Enough answers for a stable p99 (at least 500 from c=64 up, 20 per user), a warm-up of
    /// two rounds per user (at least 50), scaled by <c>--requests-scale</c>.
    /// </summary>
    public static LoadLevel For(int concurrency, double scale) => new(
        concurrency,
        WarmupRequests: Math.Max(50, 2 * concurrency),
        MeasuredRequests: (int)Math.Ceiling(Math.Max(600, 20 * concurrency) * scale));
}
