namespace Chatbot.ApiService.Memory.Archive;

/// <summary>One change waiting for the archive: turns to append, a conversation to erase, or a vote on an answer (null feedback clears it).</summary>
public sealed record ArchiveWrite(ArchiveOperation Operation, ConversationKey Key, IReadOnlyList<ConversationTurn> Turns, string? RunId = null, TurnFeedback? Feedback = null)
{
    public static ArchiveWrite Append(ConversationKey key, IReadOnlyList<ConversationTurn> turns) => new(ArchiveOperation.Append, key, turns);

    public static ArchiveWrite Delete(ConversationKey key) => new(ArchiveOperation.Delete, key, []);

    public static ArchiveWrite SetFeedback(ConversationKey key, string runId, TurnFeedback? feedback) => new(ArchiveOperation.Feedback, key, [], runId, feedback);

    public Task ApplyToAsync(IConversationStore archive, CancellationToken cancellationToken) => Operation switch
    {
        ArchiveOperation.Append => archive.AppendAsync(Key, Turns, cancellationToken),
        ArchiveOperation.Feedback => archive.SetFeedbackAsync(Key, RunId!, Feedback, cancellationToken),
        _ => archive.DeleteAsync(Key, cancellationToken),
    };
}

public enum ArchiveOperation
{
    Append,
    Delete,
    Feedback,
}
