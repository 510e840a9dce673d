using MongoDB.Driver;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>
/// The archive's indexes: turns unique per conversation and sequence, an owner's turns by time
/// (the conversation list), and, when <see cref="MemoryOptions.RetentionDays"/> is set, a TTL
/// index that expires turns and sequence counters that many days after they were written.
/// </summary>
public static class ArchiveIndexes
{
    public const string ConversationSequence = "conversation_seq_unique";
    public const string OwnerUpdated = "owner_updated";
    public const string Retention = "retention_ttl";

    public static IReadOnlyList<CreateIndexModel<TurnDocument>> ForTurns(int? retentionDays)
    {
        var keys = Builders<TurnDocument>.IndexKeys;
        List<CreateIndexModel<TurnDocument>> indexes =
        [
            new(keys.Ascending(turn => turn.ConversationId).Ascending(turn => turn.Owner).Ascending(turn => turn.Sequence),
                new CreateIndexOptions { Name = ConversationSequence, Unique = true }),
            new(keys.Ascending(turn => turn.Owner).Descending(turn => turn.At),
                new CreateIndexOptions { Name = OwnerUpdated }),
        ];
        if (retentionDays is { } days)
        {
            indexes.Add(new(keys.Ascending(turn => turn.At), RetentionOptions(days)));
        }
        return indexes;
    }

    public static IReadOnlyList<CreateIndexModel<SequenceDocument>> ForSequences(int? retentionDays) =>
        retentionDays is { } days
            ? [new(Builders<SequenceDocument>.IndexKeys.Ascending(sequence => sequence.UpdatedAt), RetentionOptions(days))]
            : [];

    private static CreateIndexOptions RetentionOptions(int days) => new() { Name = Retention, ExpireAfter = TimeSpan.FromDays(days) };
}
