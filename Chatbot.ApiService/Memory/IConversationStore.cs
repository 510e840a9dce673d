namespace Chatbot.ApiService.Memory;

/// <summary>
/// Conversation memory: the turns of each owner's conversations. Every read and write is scoped
/// by <see cref="ConversationKey.Owner"/>: ids are per owner, so the same id under two owners is
/// two conversations, and another owner's conversation is simply unknown.
/// </summary>
public interface IConversationStore
{
    /// <summary>A short name for logs, health and prewarm ("in-process", "redis").</summary>
    string Name { get; }

    /// <summary>The most recent turns kept (at most <see cref="MemoryOptions.MaxHotTurns"/>), oldest first; empty for an unknown conversation.</summary>
    Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>Appends turns atomically, after whatever another writer appended.</summary>
    Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken);

    /// <summary>The owner's conversations, most recently updated first.</summary>
    Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken);

    /// <summary>Erases the conversation; false when the owner had no such conversation.</summary>
    Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Sets the owner's feedback on the answer of run <paramref name="runId"/> (null clears it), to
    /// expire and be erased with the conversation; returns the feedback replaced, or
    /// <see cref="FeedbackUpdate.NotFound"/> when the owner has no such conversation (or, for a
    /// store that can tell, no such answer). The caller has checked that the answer exists.
    /// </summary>
    Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken);

    /// <summary>Opens the connection (prewarm); cheap when already open.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);
}
