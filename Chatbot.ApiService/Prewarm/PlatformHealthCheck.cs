using Chatbot.ApiService.Tools.Portfolio;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Readiness names the portfolio's source and whether it answered when last asked (the warm-up's
/// probe or a user's question). An unreachable platform is Degraded, never Unhealthy: knowledge and
/// finance questions still answer and portfolio questions get a clear sentence, so a platform
/// outage must not take every replica out of rotation.
/// </summary>
public sealed class PlatformHealthCheck(IPortfolioSource portfolio) : IHealthCheck
{
    public const string Name = "platform";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = portfolio.Status;
        return Task.FromResult(status.Reachable
            ? HealthCheckResult.Healthy($"Portfolio: {status.Detail}.")
            : HealthCheckResult.Degraded($"The platform's asset API did not answer when last asked ({status.Detail}); portfolio questions say so."));
    }
}
