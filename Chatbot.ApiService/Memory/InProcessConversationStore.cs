using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Memory;

/// <summary>
/// The embedded default when no Redis is configured, and the fallback while Redis is down: the
/// same semantics (ids per owner, sliding expiry, a cap on turns) in this process's memory.
/// Expired conversations are swept, so memory does not grow forever.
/// </summary>
public sealed class InProcessConversationStore(IOptions<MemoryOptions> options, TimeProvider clock) : IConversationStore
{
    private static readonly TimeSpan MaxSweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<ConversationKey, Conversation> _conversations = new();
    private long _lastSweepTicks;

    public string Name => "in-process";

    public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        IReadOnlyList<ConversationTurn> turns = [];
        if (TryGetLive(key, out var conversation))
        {
            lock (conversation)
            {
                conversation.TouchedAt = clock.GetUtcNow();
                turns = conversation.Turns.ToArray();
            }
        }
        return Task.FromResult(turns);
    }

    public Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        SweepWhenDue();
        while (true)
        {
            var conversation = _conversations.GetOrAdd(key, _ => new Conversation(clock.GetUtcNow()));
            lock (conversation)
            {
                if (conversation.Evicted || IsExpired(conversation))
                {
                    Evict(key, conversation);
                    continue;
                }
                conversation.Append(turns, options.Value.MaxHotTurns, clock.GetUtcNow());
            }
            return Task.CompletedTask;
        }
    }

    public Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken)
    {
        var mine = new List<ConversationSummary>();
        foreach (var (key, conversation) in _conversations)
        {
            if (key.Owner == owner && TryGetLive(key, out _))
            {
                lock (conversation)
                {
                    mine.Add(new ConversationSummary(key.ConversationId, conversation.Title, conversation.UpdatedAt, conversation.TotalTurns));
                }
            }
        }
        var newestFirst = mine.OrderByDescending(summary => summary.UpdatedAt).ThenBy(summary => summary.ConversationId, StringComparer.Ordinal);
        return Task.FromResult(page.Slice(newestFirst, mine.Count));
    }

    public Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var existed = TryGetLive(key, out var conversation);
        if (existed)
        {
            lock (conversation!)
            {
                Evict(key, conversation);
            }
        }
        return Task.FromResult(existed);
    }

    public Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken)
    {
        var update = FeedbackUpdate.NotFound;
        if (TryGetLive(key, out var conversation))
        {
            lock (conversation)
            {
                conversation.TouchedAt = clock.GetUtcNow();
                update = conversation.SetFeedback(runId, feedback);
            }
        }
        return Task.FromResult(update);
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool TryGetLive(ConversationKey key, out Conversation conversation)
    {
        if (!_conversations.TryGetValue(key, out conversation!))
        {
            return false;
        }
        lock (conversation)
        {
            if (!IsExpired(conversation))
            {
                return true;
            }
            Evict(key, conversation);
            return false;
        }
    }

    /// <summary>Called with the conversation's lock held.</summary>
    private void Evict(ConversationKey key, Conversation conversation)
    {
        conversation.Evicted = true;
        _conversations.TryRemove(KeyValuePair.Create(key, conversation));
    }

    private void SweepWhenDue()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var interval = Math.Min(options.Value.Ttl.Ticks, MaxSweepInterval.Ticks);
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (now - last < interval || Interlocked.CompareExchange(ref _lastSweepTicks, now, last) != last)
        {
            return;
        }
        foreach (var key in _conversations.Keys)
        {
            TryGetLive(key, out _);
        }
    }

    private bool IsExpired(Conversation conversation) => clock.GetUtcNow() - conversation.TouchedAt > options.Value.Ttl;

    private sealed class Conversation(DateTimeOffset touchedAt)
    {
        public List<ConversationTurn> Turns { get; } = [];
        public DateTimeOffset TouchedAt { get; set; } = touchedAt;
        public DateTimeOffset UpdatedAt { get; private set; } = touchedAt;
        public string Title { get; private set; } = "";
        public long TotalTurns { get; private set; }
        public bool Evicted { get; set; }

        public void Append(IReadOnlyList<ConversationTurn> turns, int maxTurns, DateTimeOffset now)
        {
            if (TotalTurns == 0)
            {
                Title = ConversationTitle.From(turns);
            }
            Turns.AddRange(turns);
            TotalTurns += turns.Count;
            var excess = Turns.Count - maxTurns;
            if (excess > 0)
            {
                Turns.RemoveRange(0, excess);
            }
            TouchedAt = now;
            UpdatedAt = turns.Count > 0 ? turns.Max(turn => turn.At) : now;
        }

        public FeedbackUpdate SetFeedback(string runId, TurnFeedback? feedback)
        {
            var index = Turns.FindLastIndex(turn => turn.Role == ConversationTurn.Assistant && turn.RunId == runId);
            if (index < 0)
            {
                return FeedbackUpdate.NotFound;
            }
            var previous = Turns[index].Feedback;
            Turns[index] = Turns[index] with { Feedback = feedback };
            return FeedbackUpdate.Replaced(previous);
        }
    }
}
