namespace Chatbot.ApiService.Memory;

/// <summary>Reads from <paramref name="inner"/> and writes nothing: prewarm's rehearsals read memory as answers do and leave none.</summary>
public sealed class ReadOnlyConversationStore(IConversationStore inner) : IConversationStore
{
    public string Name => inner.Name;

    public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken) =>
        inner.GetTurnsAsync(key, cancellationToken);

    public Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken) =>
        inner.ListAsync(owner, page, cancellationToken);

    public Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);
}
