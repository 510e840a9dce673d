using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Hot memory in Redis, on one node or a cluster: one capped list of JSON turns per owner and
/// conversation, appended, trimmed and expired by one script on the owner's slot (see
/// <see cref="RedisScripts"/>), and beside it a hash of the answers' feedback by run id, so a vote
/// never rewrites a list element. Throws the client's connection and timeout exceptions;
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
        var result = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisScripts.Read, Keys(key), [TtlMs]))!;
        var turns = ((RedisValue[])result[0]!).Select(json => ConversationTurnJson.Deserialize(json!));
        var feedback = ((RedisValue[])result[1]!).Chunk(2).ToDictionary(pair => (string)pair[0]!, pair => ConversationTurnJson.DeserializeFeedback(pair[1]!));
        return [.. turns.Select(turn => WithFeedback(turn, feedback))];
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
            .. turns.SelectMany(turn => new RedisValue[]
            {
                turn.Id ?? "",
                ConversationTurnJson.Serialize(turn with { Feedback = null }),
                turn.RunId ?? "",
                turn is { Feedback: { } feedback, RunId: not null } ? ConversationTurnJson.Serialize(feedback) : "",
            }),
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

    public async Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken)
    {
        var json = feedback is null ? "" : ConversationTurnJson.Serialize(feedback);
        var result = (RedisValue[])(await Database.ScriptEvaluateAsync(RedisScripts.SetFeedback, Keys(key), [TtlMs, runId, json]))!;
        if ((long)result[0] == 0)
        {
            return FeedbackUpdate.NotFound;
        }
        var previous = (string?)result[1];
        return FeedbackUpdate.Replaced(string.IsNullOrEmpty(previous) ? null : ConversationTurnJson.DeserializeFeedback(previous));
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => Database.PingAsync();

    /// <summary>Feedback lives beside the turns, by run id, and belongs to the run's answer.</summary>
    private static ConversationTurn WithFeedback(ConversationTurn turn, Dictionary<string, TurnFeedback> feedback) =>
        turn.Role == ConversationTurn.Assistant && turn.RunId is { } runId && feedback.TryGetValue(runId, out var vote) ? turn with { Feedback = vote } : turn;

    private static RedisKey[] Keys(ConversationKey key) =>
    [
        RedisConversationKeys.Turns(key),
        RedisConversationKeys.Meta(key),
        RedisConversationKeys.Index(key.Owner),
        RedisConversationKeys.TurnIds(key),
        RedisConversationKeys.Feedback(key),
    ];
}
