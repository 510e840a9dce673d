using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// Resolves a resource's connection string when the dashboard asks (it is known only once DCP
/// has allocated the endpoint) and hands it to a probe that pings the server.
/// </summary>
public sealed class ConnectionStringHealthCheck(
    IResourceWithConnectionString resource,
    Func<string, CancellationToken, Task<HealthCheckResult>> probe) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
        if (string.IsNullOrEmpty(connectionString))
        {
            return HealthCheckResult.Unhealthy($"{resource.Name} has no connection string yet.");
        }
        try
        {
            return await probe(connectionString, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{resource.Name} does not answer.", exception);
        }
    }
}
