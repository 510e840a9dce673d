using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace Chatbot.Tests.Prewarm;

/// <summary>
/// The warm-up connects to hot memory and nothing more: it runs none of memory's scripts (no read,
/// append, list or delete of any conversation), so no user's data and no hot-memory metric moves.
/// </summary>
public sealed class PrewarmTouchesNoConversationTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Prewarm_runs_no_memory_script_and_counts_no_read()
    {
        await using var factory = new ApiFactory().With("ConnectionStrings:redis", redis.ConnectionString).With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();
        using var hits = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(), ChatbotTelemetry.ServiceName, HotMemoryMetrics.Hits);
        await using var admin = await ConnectionMultiplexer.ConnectAsync($"{redis.ConnectionString},allowAdmin=true");
        var scriptsBefore = await ScriptsRunAsync(admin);

        var body = (await http.GetFromJsonAsync<PrewarmResponse>(ChatbotRoutes.Prewarm))!;

        Assert.All(body.Components!, component => Assert.True(component.Ok, component.ToString()));
        Assert.Contains(body.Components!, component => component.Name == "memory_store" && component.Detail == "redis");
        Assert.Equal(scriptsBefore, await ScriptsRunAsync(admin));
        Assert.Empty(hits.GetMeasurementSnapshot());
    }

    /// <summary>EVAL and EVALSHA calls the server has answered: every memory operation is one.</summary>
    private static async Task<long> ScriptsRunAsync(ConnectionMultiplexer admin)
    {
        var stats = await admin.GetServer(admin.GetEndPoints().Single()).InfoAsync("commandstats");
        return stats.SelectMany(section => section)
            .Where(pair => pair.Key is "cmdstat_eval" or "cmdstat_evalsha")
            .Sum(pair => long.Parse(pair.Value.Split(',')[0]["calls=".Length..]));
    }
}
