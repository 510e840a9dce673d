using StackExchange.Redis;

namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Redis when it answers, the in-process store when it does not: a Redis outage never fails or
/// slows a chat (a disconnected client is not even tried), and once the client has reconnected
/// every call uses Redis again, with no restart. The one place that knows about the fallback.
/// </summary>
public sealed class ResilientConversationStore(
    RedisConversationStore redis,
    InProcessConversationStore fallback,
    ILogger<ResilientConversationStore> logger) : IConversationStore
{
    private int _degraded;

    public string Name => IsDegraded ? $"{redis.Name} (down: {fallback.Name} fallback)" : redis.Name;

    public bool IsDegraded => Volatile.Read(ref _degraded) == 1 || !redis.IsConnected;

    public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken) =>
        RunAsync(store => store.GetTurnsAsync(key, cancellationToken));

    public Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken) =>
        RunAsync(async store =>
        {
            await store.AppendAsync(key, turns, cancellationToken);
            return true;
        });

    public Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken) =>
        RunAsync(store => store.ListAsync(owner, page, cancellationToken));

    public Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken) =>
        RunAsync(store => store.DeleteAsync(key, cancellationToken));

    public Task<string?> GetOwnerAsync(string conversationId, CancellationToken cancellationToken) =>
        RunAsync(store => store.GetOwnerAsync(conversationId, cancellationToken));

    public Task ConnectAsync(CancellationToken cancellationToken) =>
        RunAsync(async store =>
        {
            await store.ConnectAsync(cancellationToken);
            return true;
        });

    private async Task<T> RunAsync<T>(Func<IConversationStore, Task<T>> operation)
    {
        if (redis.IsConnected)
        {
            try
            {
                var result = await operation(redis);
                Recovered();
                return result;
            }
            catch (Exception exception) when (exception is RedisConnectionException or RedisTimeoutException)
            {
                Degraded(exception);
            }
        }
        else
        {
            Degraded(null);
        }
        return await operation(fallback);
    }

    private void Degraded(Exception? exception)
    {
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            logger.LogWarning(exception, "Redis is unreachable: conversation memory runs in process until it is back");
        }
    }

    private void Recovered()
    {
        if (Interlocked.Exchange(ref _degraded, 0) == 1)
        {
            logger.LogInformation("Redis is back: conversation memory uses it again");
        }
    }
}
