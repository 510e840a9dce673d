namespace Chatbot.ApiService.Memory;

/// <summary>Conversation memory: the turns of each owner's conversations.</summary>
public interface IConversationStore
{
    /// <summary>A short name for logs, health and prewarm ("in-process", "redis").</summary>
    string Name { get; }

    /// <summary>The turns kept, oldest first; empty for an unknown conversation.</summary>
    Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>Appends turns atomically, after whatever another writer appended.</summary>
    Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken);

    /// <summary>Opens the connection (prewarm); cheap when already open.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);
}
