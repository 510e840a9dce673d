using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Readiness: unhealthy until the start-up warm-up is done, so no traffic reaches a cold
/// replica. With start-up prewarm off, a cold process is only degraded (still ready).
/// </summary>
public sealed class AgentReadinessHealthCheck(PrewarmService prewarm, IOptions<PrewarmOptions> options) : IHealthCheck
{
    public const string Name = "agent";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            prewarm.IsWarm ? HealthCheckResult.Healthy("The agent runtime is warm.")
            : options.Value.OnStartup ? HealthCheckResult.Unhealthy("The agent runtime is warming up.")
            : HealthCheckResult.Degraded("Start-up prewarm is off; the first request warms the agent."));
}
