using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Redis;
using Chatbot.Contracts.Api;
using Chatbot.LocalServers;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>
/// Hot memory's hit rate on a real redis-server: a read Redis answers is a hit, a read of a known
/// conversation that Redis cannot answer is a miss, and a new conversation is neither.
/// </summary>
public sealed class HotMemoryMetricsTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task A_read_redis_answers_is_a_hit_and_a_new_conversation_is_neither()
    {
        using var hits = Collector(_metrics, HotMemoryMetrics.Hits);
        using var misses = Collector(_metrics, HotMemoryMetrics.Misses);
        var store = Resilient(redis.Client);
        var key = NewKey();

        await store.GetTurnsAsync(key, None);
        Assert.Empty(hits.GetMeasurementSnapshot());
        await store.AppendAsync(key, [User("What is OPEX?")], None);
        await store.GetTurnsAsync(key, None);

        Assert.Equal(1, hits.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Empty(misses.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task A_read_the_outage_fallback_answers_is_a_miss()
    {
        using var hits = Collector(_metrics, HotMemoryMetrics.Hits);
        using var misses = Collector(_metrics, HotMemoryMetrics.Misses);
        await using var unreachable = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=200");
        var store = Resilient(unreachable);
        var key = NewKey();

        await store.GetTurnsAsync(key, None);
        Assert.Empty(misses.GetMeasurementSnapshot());
        await store.AppendAsync(key, [User("What is OPEX?")], None);
        await store.GetTurnsAsync(key, None);

        Assert.Equal(1, misses.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Empty(hits.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Through_the_api_a_first_question_counts_nothing_and_the_follow_up_is_a_hit()
    {
        // With the start-up warm-up on: it connects to Redis and reads no conversation, so it counts nothing.
        await using var factory = new ApiFactory().With("ConnectionStrings:redis", redis.ConnectionString);
        using var http = factory.CreateClient();
        using var hits = Collector(factory.Services, HotMemoryMetrics.Hits);
        using var misses = Collector(factory.Services, HotMemoryMetrics.Misses);
        var id = $"hot-{Guid.NewGuid():N}";

        (await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new { question = "What is CAPEX?", conversation_id = id })).EnsureSuccessStatusCode();
        Assert.Empty(hits.GetMeasurementSnapshot());
        (await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new { question = "And OPEX?", conversation_id = id })).EnsureSuccessStatusCode();

        Assert.Equal(1, hits.GetMeasurementSnapshot().Sum(m => m.Value));
        Assert.Empty(misses.GetMeasurementSnapshot());
    }

    private ResilientConversationStore Resilient(IConnectionMultiplexer connection) => new(
        new RedisConversationStore(connection, Options()),
        new InProcessConversationStore(Options(), TimeProvider.System),
        new OutageBacklog(),
        new HotMemoryMetrics(_metrics.GetRequiredService<IMeterFactory>()),
        NullLogger<ResilientConversationStore>.Instance);

    private static MetricCollector<long> Collector(IServiceProvider services, string instrument) =>
        new(services.GetRequiredService<IMeterFactory>(), ChatbotTelemetry.ServiceName, instrument);
}
