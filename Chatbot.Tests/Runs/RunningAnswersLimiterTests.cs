using Chatbot.ApiService.Limits;
using Chatbot.LocalServers;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.Tests.Runs;

/// <summary>
/// The open-answer limit itself: shared by every limiter on one Redis, given back on release,
/// and, with Redis unreachable, enforced by each replica alone (and said once).
/// </summary>
public sealed class RunningAnswersLimiterTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Limiters_on_one_redis_share_each_users_limit()
    {
        using var replicaA = Limiter(redis.Client, limit: 2);
        using var replicaB = Limiter(redis.Client, limit: 2);
        var owner = $"/user-{Guid.NewGuid():N}";

        await using var first = await replicaA.TryAcquireAsync(owner, "run-1", Lease);
        await using var second = await replicaB.TryAcquireAsync(owner, "run-2", Lease);
        var third = await replicaA.TryAcquireAsync(owner, "run-3", Lease);
        await using var someoneElse = await replicaB.TryAcquireAsync($"{owner}-other", "run-4", Lease);

        Assert.True(first.IsAcquired && second.IsAcquired && someoneElse.IsAcquired);
        Assert.False(third.IsAcquired);
        await first.DisposeAsync();
        await using var afterRelease = await replicaB.TryAcquireAsync(owner, "run-3", Lease);
        Assert.True(afterRelease.IsAcquired);
    }

    [Fact]
    public async Task With_redis_unreachable_each_replica_still_applies_the_limit_and_says_so_once()
    {
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=200");
        var logger = new FakeLogger<RunningAnswersLimiter>();
        using var limiter = Limiter(unreachable, limit: 1, logger);

        await using var first = await limiter.TryAcquireAsync("/alice", "run-1", Lease);
        var second = await limiter.TryAcquireAsync("/alice", "run-2", Lease);
        await using var bob = await limiter.TryAcquireAsync("/bob", "run-3", Lease);
        await first.DisposeAsync();
        await using var afterRelease = await limiter.TryAcquireAsync("/alice", "run-4", Lease);

        Assert.True(first.IsAcquired && bob.IsAcquired && afterRelease.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.Single(logger.Collector.GetSnapshot(), record => record.Message.Contains("Redis is unreachable"));
    }

    private static RunningAnswersLimiter Limiter(IConnectionMultiplexer connection, int limit, FakeLogger<RunningAnswersLimiter>? logger = null) => new(
        Options.Create(new RateLimitOptions { ConcurrentStreamsPerUser = limit }),
        logger ?? new FakeLogger<RunningAnswersLimiter>(),
        connection);
}
