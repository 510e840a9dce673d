using System.Collections.Concurrent;
using Chatbot.ApiService.Memory;

namespace Chatbot.Tests.Hardening.Support;

/// <summary>The API's in-process store, noting every conversation something was appended to.</summary>
public sealed class RecordingConversationStore(IConversationStore inner) : IConversationStore
{
    public ConcurrentBag<ConversationKey> Appended { get; } = [];

    public string Name => inner.Name;

    public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken) =>
        inner.GetTurnsAsync(key, cancellationToken);

    public Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        Appended.Add(key);
        return inner.AppendAsync(key, turns, cancellationToken);
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListAsync(owner, page, cancellationToken);

    public Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken) =>
        inner.SetFeedbackAsync(key, runId, feedback, cancellationToken);
}
