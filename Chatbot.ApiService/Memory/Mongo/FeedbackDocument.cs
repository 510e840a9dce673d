using MongoDB.Bson.Serialization.Attributes;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>The owner's vote on an archived answer, inside its turn document.</summary>
public sealed class FeedbackDocument
{
    [BsonElement("vote")]
    public required string Vote { get; init; }

    [BsonElement("comment"), BsonIgnoreIfNull]
    public string? Comment { get; init; }

    [BsonElement("at"), BsonDateTimeOptions(Kind = DateTimeKind.Utc)]
    public DateTime At { get; init; }

    public static FeedbackDocument? From(TurnFeedback? feedback) =>
        feedback is null ? null : new() { Vote = feedback.Vote, Comment = feedback.Comment, At = feedback.At.UtcDateTime };

    public TurnFeedback ToFeedback() => new(Vote, Comment, new DateTimeOffset(DateTime.SpecifyKind(At, DateTimeKind.Utc)));
}
