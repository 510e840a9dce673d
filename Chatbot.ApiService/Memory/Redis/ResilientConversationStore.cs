
namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Redis when it answers, the in-process store when it does not: an outage (Redis down, or on a
/// cluster the node of a conversation's slot) never fails or slows a chat, and what was written
/// meanwhile is written back once Redis takes it again, in order and idempotently (turn ids), so
/// every replica sees the whole conversation. Before Redis serves a conversation again, that
/// conversation's backlog goes first; <see cref="OutageWriteBack"/> writes back the rest. The one
/// place that knows about the fallback, so hot memory's hits and misses are counted here.
/// </summary>
public sealed class ResilientConversationStore(
    RedisConversationStore redis,
    InProcessConversationStore fallback,
    OutageBacklog backlog,
    HotMemoryMetrics metrics,
    ILogger<ResilientConversationStore> logger) : IConversationStore
{
    private int _degraded;

    public string Name => IsDegraded ? $"{redis.Name} (down: {fallback.Name} fallback)" : redis.Name;

    public bool IsDegraded => Volatile.Read(ref _degraded) == 1 || !redis.IsConnected;

    public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken) =>
        RunAsync(pending => pending == key, async store =>
        {
            var turns = await store.GetTurnsAsync(key, cancellationToken);
            CountRead(store, turns);
            return turns;
        }, cancellationToken);

    public Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken) =>
        RunAsync(pending => pending == key, async store =>
        {
            await store.AppendAsync(key, turns, cancellationToken);
            if (store == fallback)
            {
                backlog.RecordAppend(key, turns);
            }
            return true;
        }, cancellationToken);

    public Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken) =>
        RunAsync(pending => pending.Owner == owner, store => store.ListAsync(owner, page, cancellationToken), cancellationToken);

    public Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken) =>
        RunAsync(pending => pending == key, async store =>
        {
            var existed = await store.DeleteAsync(key, cancellationToken);
            if (store == fallback)
            {
                backlog.RecordDelete(key);
            }
            return existed;
        }, cancellationToken);

    public Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken) =>
        RunAsync(pending => pending == key, async store =>
        {
            var update = await store.SetFeedbackAsync(key, runId, feedback, cancellationToken);
            if (store == fallback && update.Found)
            {
                backlog.RecordFeedback(key, runId, feedback);
            }
            return update;
        }, cancellationToken);

    public Task ConnectAsync(CancellationToken cancellationToken) =>
        RunAsync(_ => false, async store =>
        {
            await store.ConnectAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Writes back every conversation written during an outage; returns the turns written. Stops at the first that Redis still cannot take.</summary>
    public async Task<int> WriteBackAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var key in backlog.KeysWhere(_ => true))
        {
            written += await WriteBackAsync(key, cancellationToken);
        }
        return written;
    }

    private async Task<T> RunAsync<T>(Func<ConversationKey, bool> affected, Func<IConversationStore, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (redis.IsConnected)
        {
            try
            {
                foreach (var key in backlog.KeysWhere(affected))
                {
                    await WriteBackAsync(key, cancellationToken);
                }
                var result = await operation(redis);
                Recovered();
                return result;
            }
            catch (Exception exception) when (RedisOutage.Is(exception))
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

    /// <summary>Nothing read is no count: from here a new conversation and an expired one look the same.</summary>
    private void CountRead(IConversationStore store, IReadOnlyList<ConversationTurn> turns)
    {
        if (turns.Count == 0)
        {
            return;
        }
        if (store == redis)
        {
            metrics.Hit();
        }
        else
        {
            metrics.Miss();
        }
    }

    /// <summary>Once written back, the fallback's copy goes: a later outage starts from an empty fallback, as the first did.</summary>
    private async Task<int> WriteBackAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var written = await backlog.WriteBackAsync(key, redis, cancellationToken);
        await fallback.DeleteAsync(key, cancellationToken);
        if (written > 0)
        {
            logger.LogInformation("Wrote back {Turns} turns answered while Redis was unreachable ({Waiting} conversations still waiting)", written, backlog.Conversations);
        }
        return written;
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
