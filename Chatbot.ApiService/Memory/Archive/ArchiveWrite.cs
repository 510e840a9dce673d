namespace Chatbot.ApiService.Memory.Archive;

/// <summary>One change waiting for the archive: turns to append, or a conversation to erase.</summary>
public sealed record ArchiveWrite(ArchiveOperation Operation, ConversationKey Key, IReadOnlyList<ConversationTurn> Turns)
{
    public static ArchiveWrite Append(ConversationKey key, IReadOnlyList<ConversationTurn> turns) => new(ArchiveOperation.Append, key, turns);

    public static ArchiveWrite Delete(ConversationKey key) => new(ArchiveOperation.Delete, key, []);

    public Task ApplyToAsync(IConversationStore archive, CancellationToken cancellationToken) => Operation switch
    {
        ArchiveOperation.Append => archive.AppendAsync(Key, Turns, cancellationToken),
        _ => archive.DeleteAsync(Key, cancellationToken),
    };
}

public enum ArchiveOperation
{
    Append,
    Delete,
}
