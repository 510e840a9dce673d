using System.Threading.RateLimiting;
using Chatbot.ApiService.Stores;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.ApiService.Limits;

/// <summary>
/// Caps each user's resumable runs, which go on after their client leaves. The request limiter
/// counts open requests only, so without this a client could start answers and hang up, again
/// and again, each one still calling the model. Same limit as open streams. With Redis the limit
/// holds across every replica (<see cref="RedisOpenAnswers"/>); without it, or while it is down,
/// each replica enforces it for its own runs.
/// </summary>
public sealed class RunningAnswersLimiter : IDisposable
{
    private readonly IOptions<RateLimitOptions> _options;
    private readonly ILogger<RunningAnswersLimiter> _logger;
    private readonly RedisOpenAnswers? _shared;
    private readonly PartitionedRateLimiter<string> _local;
    private int _fallingBack;

    public RunningAnswersLimiter(IOptions<RateLimitOptions> options, ILogger<RunningAnswersLimiter> logger, IConnectionMultiplexer? redis = null)
    {
        _options = options;
        _logger = logger;
        _shared = redis is null ? null : new RedisOpenAnswers(redis);
        _local = PartitionedRateLimiter.Create<string, string>(owner =>
            RateLimitPartition.GetConcurrencyLimiter(owner, _ => options.Value.OpenAnswers()));
    }

    /// <summary>
    /// A slot to hold for the run's whole life, renewed at least every third of
    /// <paramref name="lease"/>; check <see cref="OpenAnswerSlot.IsAcquired"/>.
    /// </summary>
    public async Task<OpenAnswerSlot> TryAcquireAsync(string owner, string runId, TimeSpan lease)
    {
        if (_shared is { IsConnected: true } shared)
        {
            try
            {
                var admitted = await shared.TryAdmitAsync(owner, runId, _options.Value.ConcurrentStreamsPerUser, lease);
                SayWhenSharedAgain();
                return admitted ? new RedisAnswerSlot(shared, owner, runId, lease, _logger) : OpenAnswerSlot.Refused;
            }
            catch (Exception exception) when (RedisOutage.Is(exception))
            {
                SayOnceFallingBack(exception);
                return AcquireLocally(owner);
            }
        }
        if (_shared is not null)
        {
            SayOnceFallingBack(null);
        }
        return AcquireLocally(owner);
    }

    public void Dispose() => _local.Dispose();

    private LocalAnswerSlot AcquireLocally(string owner) => new(_local.AttemptAcquire(owner));

    private void SayOnceFallingBack(Exception? exception)
    {
        if (Interlocked.Exchange(ref _fallingBack, 1) == 0)
        {
            _logger.LogWarning(exception, "Redis is unreachable: each replica limits its own open answers ({Limit} a user) until it is back", _options.Value.ConcurrentStreamsPerUser);
        }
    }

    private void SayWhenSharedAgain()
    {
        if (Volatile.Read(ref _fallingBack) == 1 && Interlocked.Exchange(ref _fallingBack, 0) == 1)
        {
            _logger.LogInformation("Redis is back: open answers are limited across replicas again");
        }
    }
}
