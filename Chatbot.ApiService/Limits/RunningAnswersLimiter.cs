using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Limits;

/// <summary>
/// Caps each user's resumable runs, which go on after their client leaves. The request limiter
/// counts open requests only, so without this a client could start answers and hang up, again
/// and again, each one still calling the model. Same limit as open streams, per process.
/// </summary>
public sealed class RunningAnswersLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(owner =>
        RateLimitPartition.GetConcurrencyLimiter(owner, _ => options.Value.OpenAnswers()));

    /// <summary>A lease to hold for the run's whole life; check <see cref="RateLimitLease.IsAcquired"/>.</summary>
    public RateLimitLease TryAcquire(string owner) => _limiter.AttemptAcquire(owner);

    public void Dispose() => _limiter.Dispose();
}
