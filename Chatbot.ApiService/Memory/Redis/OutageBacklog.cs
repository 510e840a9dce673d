using System.Collections.Concurrent;

namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// What was written to the in-process fallback while Redis could not take it, per conversation
/// and in order, until it is written back. Writing back a conversation holds its gate, so a write
/// that arrives meanwhile waits and lands after the outage's turns, never before them.
/// </summary>
public sealed class OutageBacklog
{
    private readonly ConcurrentDictionary<ConversationKey, Pending> _pending = new();

    public bool IsEmpty => _pending.IsEmpty;

    /// <summary>Conversations waiting to be written back.</summary>
    public int Conversations => _pending.Count;

    public void RecordAppend(ConversationKey key, IReadOnlyList<ConversationTurn> turns) =>
        Record(key, new PendingWrite(turns.Count, (redis, token) => redis.AppendAsync(key, turns, token)));

    public void RecordDelete(ConversationKey key) => Record(key, new PendingWrite(0, (redis, token) => redis.DeleteAsync(key, token)));

    public void RecordFeedback(ConversationKey key, string runId, TurnFeedback? feedback) =>
        Record(key, new PendingWrite(0, (redis, token) => redis.SetFeedbackAsync(key, runId, feedback, token)));

    public IReadOnlyList<ConversationKey> KeysWhere(Func<ConversationKey, bool> affected) =>
        _pending.IsEmpty ? [] : [.. _pending.Keys.Where(affected)];

    /// <summary>
    /// Writes the conversation's pending writes to <paramref name="redis"/>, oldest first, each
    /// removed once Redis took it; returns the turns written. An outage midway throws, and what
    /// was not written stays, in order, for the next attempt.
    /// </summary>
    public async Task<int> WriteBackAsync(ConversationKey key, IConversationStore redis, CancellationToken cancellationToken)
    {
        if (!_pending.TryGetValue(key, out var pending))
        {
            return 0;
        }
        await pending.Gate.WaitAsync(cancellationToken);
        try
        {
            var written = 0;
            while (pending.Peek() is { } write)
            {
                await write.ApplyAsync(redis, cancellationToken);
                pending.Dequeue();
                written += write.Turns;
            }
            _pending.TryRemove(KeyValuePair.Create(key, pending));
            return written;
        }
        finally
        {
            pending.Gate.Release();
        }
    }

    private void Record(ConversationKey key, PendingWrite write)
    {
        while (!_pending.GetOrAdd(key, _ => new Pending()).TryEnqueue(write))
        {
            // That conversation's backlog was just written back and closed: start a new one.
        }
    }

    /// <summary>One write to repeat on Redis (an append, an erasure, a vote), and the turns it appends.</summary>
    private sealed record PendingWrite(int Turns, Func<IConversationStore, CancellationToken, Task> ApplyAsync);

    /// <summary>One conversation's writes; closed once written back, so a late write goes to a fresh one.</summary>
    private sealed class Pending
    {
        private readonly Queue<PendingWrite> _writes = new();
        private bool _closed;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public bool TryEnqueue(PendingWrite write)
        {
            lock (_writes)
            {
                if (!_closed)
                {
                    _writes.Enqueue(write);
                }
                return !_closed;
            }
        }

        /// <summary>The oldest write, or null after closing this backlog because it is empty.</summary>
        public PendingWrite? Peek()
        {
            lock (_writes)
            {
                _closed = _writes.Count == 0;
                return _closed ? null : _writes.Peek();
            }
        }

        public void Dequeue()
        {
            lock (_writes)
            {
                _writes.Dequeue();
            }
        }
    }
}
