using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Memory;

/// <summary>
/// The embedded default when no Redis is configured: the same semantics (owner isolation,
/// sliding expiry, a cap on turns) in this process's memory.
/// </summary>
public sealed class InProcessConversationStore(IOptions<MemoryOptions> options, TimeProvider clock) : IConversationStore
{
    private readonly ConcurrentDictionary<ConversationKey, Conversation> _conversations = new();

    public string Name => "in-process";

    public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        if (!_conversations.TryGetValue(key, out var conversation))
        {
            return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
        }
        lock (conversation)
        {
            if (IsExpired(conversation))
            {
                _conversations.TryRemove(KeyValuePair.Create(key, conversation));
                return Task.FromResult<IReadOnlyList<ConversationTurn>>([]);
            }
            conversation.TouchedAt = clock.GetUtcNow();
            return Task.FromResult<IReadOnlyList<ConversationTurn>>(conversation.Turns.ToArray());
        }
    }

    public Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        while (true)
        {
            var conversation = _conversations.GetOrAdd(key, _ => new Conversation(clock.GetUtcNow()));
            lock (conversation)
            {
                if (IsExpired(conversation))
                {
                    _conversations.TryRemove(KeyValuePair.Create(key, conversation));
                    continue;
                }
                conversation.Turns.AddRange(turns);
                var excess = conversation.Turns.Count - options.Value.MaxHotTurns;
                if (excess > 0)
                {
                    conversation.Turns.RemoveRange(0, excess);
                }
                conversation.TouchedAt = clock.GetUtcNow();
                return Task.CompletedTask;
            }
        }
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool IsExpired(Conversation conversation) => clock.GetUtcNow() - conversation.TouchedAt > options.Value.Ttl;

    private sealed class Conversation(DateTimeOffset touchedAt)
    {
        public List<ConversationTurn> Turns { get; } = [];
        public DateTimeOffset TouchedAt { get; set; } = touchedAt;
    }
}
