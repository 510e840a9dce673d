using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Degraded, not unhealthy, while Redis or one of its cluster nodes is down, or while answers
/// from an outage wait to be written back: chats still answer from the in-process fallback, so
/// the replica must stay in rotation.
/// </summary>
public sealed class RedisMemoryHealthCheck(IConnectionMultiplexer multiplexer, RedisConversationStore redis, OutageBacklog backlog) : IHealthCheck
{
    public const string Name = "memory";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!redis.IsConnected)
            {
                return HealthCheckResult.Degraded("Redis is disconnected; conversation memory runs in process.");
            }
            if (multiplexer.GetServers().Where(server => !server.IsReplica).FirstOrDefault(server => !server.IsConnected) is { } down)
            {
                return HealthCheckResult.Degraded($"Redis node {down.EndPoint} is unreachable; conversations in its slots run in process.");
            }
            await redis.ConnectAsync(cancellationToken);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            return HealthCheckResult.Degraded("Redis does not answer; conversation memory runs in process.", exception);
        }
        return backlog.IsEmpty
            ? HealthCheckResult.Healthy("Conversation memory is in Redis.")
            : HealthCheckResult.Degraded($"{backlog.Conversations} conversations answered during a Redis outage wait to be written back.");
    }
}
