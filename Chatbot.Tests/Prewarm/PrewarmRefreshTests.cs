using System.Net.Http.Json;
using Chatbot.ApiService.Prewarm;
using Chatbot.Contracts.Api;
using Chatbot.LocalServers;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.Tests.Prewarm;

/// <summary>
/// Prewarm keeps the process warm as the seed does: what failed to warm is tried again (by itself
/// with backoff, and by the next /prewarm call), readiness names what is not warm, and a process
/// that has been quiet is connected again, without asking anything.
/// </summary>
public sealed class PrewarmRefreshTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_component_that_failed_is_tried_again_until_warm_and_readiness_names_it_meanwhile()
    {
        var port = FreePort.Next();
        await using var factory = new ApiFactory()
            .With("ConnectionStrings:redis", $"127.0.0.1:{port},abortConnect=false,connectTimeout=500")
            .With("Chatbot:Prewarm:RetryDelay", "00:00:00.2")
            .With("Chatbot:Prewarm:MaxRetryDelay", "00:00:01");
        using var http = factory.CreateClient();
        var prewarm = factory.Services.GetRequiredService<PrewarmService>();

        var cold = await UntilAsync(() => prewarm.Last is { AllWarm: false } report ? report : null);
        var readiness = await ReadinessAsync(factory);
        using var redis = await RedisProcess.StartAsync(port, ["--save", "", "--appendonly", "no"]);
        var warm = await UntilAsync(() => prewarm.Last is { AllWarm: true } report ? report : null);

        Assert.Contains("run_store", cold.Failed);
        Assert.Equal(HealthStatus.Degraded, readiness.Status);
        Assert.Contains("run_store", readiness.Description);
        Assert.True(warm.WarmedAt > cold.WarmedAt);
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync(factory)).Status);
    }

    [Fact]
    public async Task A_prewarm_call_after_a_failure_warms_again()
    {
        await using var factory = new ApiFactory()
            .With("ConnectionStrings:redis", $"127.0.0.1:{FreePort.Next()},abortConnect=false,connectTimeout=500")
            .With("Chatbot:Prewarm:OnStartup", "false")
            .With("Chatbot:Prewarm:RetryDelay", "01:00:00");
        using var http = factory.CreateClient();

        var first = (await http.GetFromJsonAsync<PrewarmResponse>(ChatbotRoutes.Prewarm))!;
        var second = (await http.GetFromJsonAsync<PrewarmResponse>(ChatbotRoutes.Prewarm))!;

        Assert.Contains(first.Components!, component => !component.Ok);
        Assert.True(second.WarmedAt > first.WarmedAt);
    }

    [Fact]
    public async Task A_process_quiet_for_the_set_time_is_warmed_again()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:RewarmWhenQuietFor", "00:00:00.5");
        using var http = factory.CreateClient();
        var prewarm = factory.Services.GetRequiredService<PrewarmService>();

        var first = await UntilAsync(() => prewarm.Last);
        var again = await UntilAsync(() => prewarm.Last is { } report && report.WarmedAt > first.WarmedAt ? report : null);

        Assert.True(again.AllWarm);
        // Reconnecting only: the round of rehearsals is the first warm-up's alone.
        Assert.Contains(first.Components, component => component.Name == "http");
        Assert.DoesNotContain(again.Components, component => component.Name == "http");
    }

    private static async Task<HealthCheckResult> ReadinessAsync(ApiFactory factory) =>
        await ActivatorUtilities.CreateInstance<AgentReadinessHealthCheck>(factory.Services).CheckHealthAsync(new HealthCheckContext());

    /// <summary>Waits for <paramref name="probe"/> to return something, within the patience.</summary>
    private static async Task<T> UntilAsync<T>(Func<T?> probe) where T : class
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (probe() is not { } value)
        {
            await Task.Delay(50, timeout.Token);
        }
        return probe()!;
    }
}
