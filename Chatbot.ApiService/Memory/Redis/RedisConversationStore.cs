using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Hot memory in Redis, on one node or a cluster: one capped list of JSON turns per owner and
/// conversation, appended, trimmed and expired by one script on the owner's slot (see
/// <see cref="RedisScripts"/>). Throws the client's connection and timeout exceptions;
/// <see cref="ResilientConversationStore"/> decides what they mean.
/// </summary>
public sealed class RedisConversationStore(IConnectionMultiplexer redis, IOptions<MemoryOptions> options) : IConversationStore
{
    public string Name => "redis";

    public bool IsConnected => redis.IsConnected;

    private IDatabase Database => redis.GetDatabase();

    private long TtlMs => (long)options.Value.Ttl.TotalMilliseconds;

    public async Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var turns = (RedisValue[])(await Database.ScriptEvaluateAsync(RedisScripts.Read, Keys(key), [TtlMs]))!;
        return [.. turns.Select(json => ConversationTurnJson.Deserialize(json!))];
    }

    public async Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        if (turns.Count == 0)
        {
            return;
        }
        RedisValue[] arguments =
        [
            TtlMs,
            options.Value.MaxHotTurns,
            key.ConversationId,
            ConversationTitle.From(turns),
            turns.Max(turn => turn.At).ToUnixTimeMilliseconds(),
            .. turns.SelectMany(turn => new RedisValue[] { turn.Id ?? "", ConversationTurnJson.Serialize(turn) }),
        ];
        await Database.ScriptEvaluateAsync(RedisScripts.Append, Keys(key), arguments);
    }

    public async Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken)
    {
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(
            RedisScripts.List,
            [RedisConversationKeys.Index(owner)],
            [RedisConversationKeys.MetaPrefix(owner), page.Skip, page.Skip + page.PageSize - 1]))!;
        var items = new List<ConversationSummary>();
        for (var i = 1; i + 3 < result.Length; i += 4)
        {
            items.Add(new ConversationSummary(
                ConversationId: (string)result[i]!,
                Title: (string)result[i + 1]!,
                UpdatedAt: DateTimeOffset.FromUnixTimeMilliseconds((long)result[i + 2]),
                Turns: (long)result[i + 3]));
        }
        return new ConversationPage(items, page.Page, page.PageSize, (long)result[0]);
    }

    public async Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken) =>
        (long)await Database.ScriptEvaluateAsync(RedisScripts.Delete, Keys(key), [key.ConversationId]) == 1;

    public Task ConnectAsync(CancellationToken cancellationToken) => Database.PingAsync();

    private static RedisKey[] Keys(ConversationKey key) =>
    [
        RedisConversationKeys.Turns(key),
        RedisConversationKeys.Meta(key),
        RedisConversationKeys.Index(key.Owner),
        RedisConversationKeys.TurnIds(key),
    ];
}
