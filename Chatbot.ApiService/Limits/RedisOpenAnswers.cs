using StackExchange.Redis;

namespace Chatbot.ApiService.Limits;

/// <summary>
/// Every replica's open answers per owner, in Redis: one sorted set per owner
/// (<c>chatbot:{a:owner}:open-answers</c>, the owner escaped as memory's keys escape it), of run
/// ids scored by when their lease lapses. See <see cref="RedisOpenAnswerScripts"/>.
/// </summary>
public sealed class RedisOpenAnswers(IConnectionMultiplexer redis)
{
    public bool IsConnected => redis.IsConnected;

    public static RedisKey Key(string owner) => $"chatbot:{{a:{Uri.EscapeDataString(owner)}}}:open-answers";

    public async Task<bool> TryAdmitAsync(string owner, string runId, int limit, TimeSpan lease) =>
        (long)await redis.GetDatabase().ScriptEvaluateAsync(RedisOpenAnswerScripts.Admit, [Key(owner)], [runId, limit, LeaseMs(lease)]) == 1;

    public Task RenewAsync(string owner, string runId, TimeSpan lease) =>
        redis.GetDatabase().ScriptEvaluateAsync(RedisOpenAnswerScripts.Renew, [Key(owner)], [runId, LeaseMs(lease)]);

    /// <summary>Not awaited by Redis's reply: a release that is lost lapses with its lease.</summary>
    public Task ReleaseAsync(string owner, string runId) => redis.GetDatabase().SortedSetRemoveAsync(Key(owner), runId, CommandFlags.FireAndForget);

    private static long LeaseMs(TimeSpan lease) => (long)lease.TotalMilliseconds;
}
