using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Degraded, not unhealthy, while Redis is down: chats still answer from the in-process
/// fallback, so the replica must stay in rotation.
/// </summary>
public sealed class RedisMemoryHealthCheck(RedisConversationStore redis) : IHealthCheck
{
    public const string Name = "memory";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (redis.IsConnected)
            {
                await redis.ConnectAsync(cancellationToken);
                return HealthCheckResult.Healthy("Conversation memory is in Redis.");
            }
        }
        catch (Exception exception) when (exception is RedisConnectionException or RedisTimeoutException)
        {
            return HealthCheckResult.Degraded("Redis does not answer; conversation memory runs in process.", exception);
        }
        return HealthCheckResult.Degraded("Redis is disconnected; conversation memory runs in process.");
    }
}
