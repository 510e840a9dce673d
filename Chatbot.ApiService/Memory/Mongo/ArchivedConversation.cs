using MongoDB.Bson.Serialization.Attributes;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>One conversation as the list aggregation groups it from its turns.</summary>
public sealed class ArchivedConversation
{
    [BsonId]
    public required string ConversationId { get; init; }

    [BsonElement("first")]
    public required string FirstContent { get; init; }

    [BsonElement("updated_at"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime UpdatedAt { get; init; }

    [BsonElement("turns")]
    public long Turns { get; init; }

    public ConversationSummary ToSummary() => new(
        ConversationId,
        ConversationTitle.Shorten(FirstContent),
        new DateTimeOffset(DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc)),
        Turns);
}
