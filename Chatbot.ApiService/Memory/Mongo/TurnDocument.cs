using Chatbot.Contracts.Api;
using MongoDB.Bson.Serialization.Attributes;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>One archived turn: a document per turn, numbered within its conversation.</summary>
public sealed class TurnDocument
{
    [BsonId]
    public required string Id { get; init; }

    [BsonElement("conversation_id")]
    public required string ConversationId { get; init; }

    [BsonElement("owner")]
    public required string Owner { get; init; }

    [BsonElement("seq")]
    public long Sequence { get; init; }

    [BsonElement("role")]
    public required string Role { get; init; }

    [BsonElement("content")]
    public required string Content { get; init; }

    [BsonElement("agent"), BsonIgnoreIfNull]
    public string? Agent { get; init; }

    [BsonElement("run_id"), BsonIgnoreIfNull]
    public string? RunId { get; init; }

    /// <summary>A BSON date, so the retention TTL index can expire it.</summary>
    [BsonElement("at"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime At { get; init; }

    [BsonElement("incomplete")]
    public bool Incomplete { get; init; }

    [BsonElement("tools"), BsonIgnoreIfNull]
    public string[]? Tools { get; init; }

    [BsonElement("sources"), BsonIgnoreIfNull]
    public SourceDocument[]? Sources { get; init; }

    [BsonElement("feedback"), BsonIgnoreIfNull]
    public FeedbackDocument? Feedback { get; init; }

    public static TurnDocument From(ConversationKey key, long sequence, ConversationTurn turn, string id) => new()
    {
        Id = id,
        ConversationId = key.ConversationId,
        Owner = key.Owner,
        Sequence = sequence,
        Role = turn.Role,
        Content = turn.Content,
        Agent = turn.Agent,
        RunId = turn.RunId,
        At = turn.At.UtcDateTime,
        Incomplete = turn.Incomplete,
        Tools = turn.Tools is null ? null : [.. turn.Tools],
        Sources = turn.Sources is null ? null : [.. turn.Sources.Select(source => new SourceDocument { Document = source.Document, Heading = source.Heading })],
        Feedback = FeedbackDocument.From(turn.Feedback),
    };

    public ConversationTurn ToTurn() =>
        new(Role, Content, new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)), Agent, RunId, Incomplete, Tools, Id,
            Sources?.Select(source => new AnswerSource(source.Document, source.Heading)).ToArray(), Feedback?.ToFeedback());

    /// <summary>A source of an archived answer: a passage's document and heading.</summary>
    public sealed class SourceDocument
    {
        [BsonElement("document")]
        public required string Document { get; init; }

        [BsonElement("heading")]
        public required string Heading { get; init; }
    }
}
