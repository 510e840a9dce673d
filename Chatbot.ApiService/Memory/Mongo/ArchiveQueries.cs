using MongoDB.Bson;
using MongoDB.Driver;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>
/// The archive's filters, sorts and aggregation, kept apart so tests can render them without a
/// server. Every filter names the owner: ids are per owner.
/// </summary>
public static class ArchiveQueries
{
    private static readonly FilterDefinitionBuilder<TurnDocument> Filter = Builders<TurnDocument>.Filter;

    /// <summary>One owner's conversation: the owner is always part of the filter.</summary>
    public static FilterDefinition<TurnDocument> Conversation(ConversationKey key) =>
        Filter.Eq(turn => turn.ConversationId, key.ConversationId) & Filter.Eq(turn => turn.Owner, key.Owner);

    /// <summary>Turns of these ids in the owner's conversation: a turn id under another owner is not mine written.</summary>
    public static FilterDefinition<TurnDocument> Turns(ConversationKey key, IEnumerable<string> ids) =>
        Conversation(key) & Filter.In(turn => turn.Id, ids);

    /// <summary>The answer of one run in the owner's conversation: where its feedback goes.</summary>
    public static FilterDefinition<TurnDocument> Answer(ConversationKey key, string runId) =>
        Conversation(key) & Filter.Eq(turn => turn.RunId, runId) & Filter.Eq(turn => turn.Role, ConversationTurn.Assistant);

    /// <summary>Sets the answer's feedback, or removes it for none.</summary>
    public static UpdateDefinition<TurnDocument> SetFeedback(TurnFeedback? feedback) => feedback is null
        ? Builders<TurnDocument>.Update.Unset(turn => turn.Feedback)
        : Builders<TurnDocument>.Update.Set(turn => turn.Feedback, FeedbackDocument.From(feedback));

    public static SortDefinition<TurnDocument> NewestFirst => Builders<TurnDocument>.Sort.Descending(turn => turn.Sequence);

    public static FilterDefinition<SequenceDocument> Sequence(ConversationKey key) =>
        Builders<SequenceDocument>.Filter.Eq(sequence => sequence.Id, SequenceDocument.IdFor(key));

    public static UpdateDefinition<SequenceDocument> Reserve(int count, DateTimeOffset now) =>
        Builders<SequenceDocument>.Update.Inc(sequence => sequence.Last, count).Set(sequence => sequence.UpdatedAt, now.UtcDateTime);

    /// <summary>
    /// An owner's conversations, newest first: the turns grouped by conversation (first turn as
    /// title, latest time, count), then one page and the total in a single round trip.
    /// </summary>
    public static PipelineDefinition<TurnDocument, BsonDocument> ListConversations(string owner, PageRequest page) => new BsonDocument[]
    {
        new("$match", new BsonDocument("owner", owner)),
        new("$sort", new BsonDocument("seq", 1)),
        new("$group", new BsonDocument
        {
            { "_id", "$conversation_id" },
            { "first", new BsonDocument("$first", "$content") },
            { "updated_at", new BsonDocument("$max", "$at") },
            { "turns", new BsonDocument("$sum", 1) },
        }),
        new("$sort", new BsonDocument { { "updated_at", -1 }, { "_id", 1 } }),
        new("$facet", new BsonDocument
        {
            { "total", new BsonArray { new BsonDocument("$count", "count") } },
            { "items", new BsonArray { new BsonDocument("$skip", page.Skip), new BsonDocument("$limit", page.PageSize) } },
        }),
    };
}
