using Chatbot.ApiService.Agents;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Readiness: not ready until the start-up warm-up is done, so no traffic reaches a cold replica
/// (<c>/health</c> answers that before this check runs: <see cref="WarmUpGate"/>); then healthy, or
/// degraded naming what did not warm (it is tried again). Without a warm-up (start-up prewarm off)
/// it is healthy once a question has built the agent team, and only degraded (still ready) before.
/// </summary>
public sealed class AgentReadinessHealthCheck(PrewarmService prewarm, AgentRuntimeProvider runtimes, IOptions<PrewarmOptions> options) : IHealthCheck
{
    public const string Name = "agent";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(prewarm.Last switch
        {
            { AllWarm: true } => HealthCheckResult.Healthy("Warm."),
            { } report => HealthCheckResult.Degraded($"Not warm, trying again: {string.Join(", ", report.Failed)}."),
            null when options.Value.OnStartup => HealthCheckResult.Unhealthy("Warming up."),
            null when runtimes.IsInitialized => HealthCheckResult.Healthy("The agent team is built (by the first request)."),
            null => HealthCheckResult.Degraded("Start-up prewarm is off; the first request warms the agent."),
        });
}
