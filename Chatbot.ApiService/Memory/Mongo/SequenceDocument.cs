using MongoDB.Bson.Serialization.Attributes;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>
/// The last sequence number handed out in one conversation: incremented atomically before each
/// insert, so concurrent writers (any replica) never take the same number.
/// </summary>
public sealed class SequenceDocument
{
    [BsonId]
    public required string Id { get; init; }

    [BsonElement("last")]
    public long Last { get; init; }

    [BsonElement("updated_at"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime UpdatedAt { get; init; }

    /// <summary>Ids cannot hold '|', so the id before it makes the pair unambiguous.</summary>
    public static string IdFor(ConversationKey key) => $"{key.ConversationId}|{key.Owner}";
}
