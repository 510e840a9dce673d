using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>The archive's documents, indexes, filters and aggregation, rendered by the real driver; no server needed.</summary>
public sealed class ArchiveMappingTests
{
    private static readonly ConversationKey Key = new("acme/u-100", "conv-1");

    [Fact]
    public void A_turn_maps_to_a_snake_case_document_and_back()
    {
        var turn = new ConversationTurn(ConversationTurn.Assistant, "Payback: 6.7 years", Start.AddMilliseconds(250), "finance", "run-1",
            Incomplete: false, Tools: ["payback"], Id: "turn-9");

        var document = TurnDocument.From(Key, 7, turn, turn.Id!).ToBsonDocument();

        Assert.Equal(
            ["_id", "conversation_id", "owner", "seq", "role", "content", "agent", "run_id", "at", "incomplete", "tools"],
            document.Names);
        Assert.Equal(("turn-9", "conv-1", "acme/u-100", 7L), (document["_id"].AsString, document["conversation_id"].AsString, document["owner"].AsString, document["seq"].AsInt64));
        Assert.Equal(BsonType.DateTime, document["at"].BsonType);
        AssertSame([turn], [BsonSerializer.Deserialize<TurnDocument>(document).ToTurn()]);
    }

    [Fact]
    public void Absent_agent_run_id_and_tools_are_left_out()
    {
        var document = TurnDocument.From(Key, 1, User("hi"), "turn-1").ToBsonDocument();

        Assert.DoesNotContain("agent", document.Names);
        Assert.DoesNotContain("run_id", document.Names);
        Assert.DoesNotContain("tools", document.Names);
    }

    [Fact]
    public void Turn_indexes_are_unique_per_conversation_and_sequence_and_list_by_owner_and_time()
    {
        var indexes = ArchiveIndexes.ForTurns(retentionDays: null);

        Assert.Equal(2, indexes.Count);
        Assert.Equal(ArchiveIndexes.ConversationSequence, indexes[0].Options.Name);
        Assert.True(indexes[0].Options.Unique);
        Assert.Equal(new BsonDocument { { "conversation_id", 1 }, { "owner", 1 }, { "seq", 1 } }, Render(indexes[0].Keys));
        Assert.Equal(ArchiveIndexes.OwnerUpdated, indexes[1].Options.Name);
        Assert.Equal(new BsonDocument { { "owner", 1 }, { "at", -1 } }, Render(indexes[1].Keys));
        Assert.Empty(ArchiveIndexes.ForSequences(retentionDays: null));
    }

    [Fact]
    public void Retention_adds_ttl_indexes_on_turn_time_and_counter_time()
    {
        var retention = ArchiveIndexes.ForTurns(retentionDays: 90).Single(index => index.Options.Name == ArchiveIndexes.Retention);
        var counters = Assert.Single(ArchiveIndexes.ForSequences(retentionDays: 90));

        Assert.Equal(TimeSpan.FromDays(90), retention.Options.ExpireAfter);
        Assert.Equal(new BsonDocument("at", 1), Render(retention.Keys));
        Assert.Equal(TimeSpan.FromDays(90), counters.Options.ExpireAfter);
        Assert.Equal(new BsonDocument("updated_at", 1), Render(counters.Keys));
    }

    [Fact]
    public void Reading_a_conversation_always_filters_by_its_owner()
    {
        Assert.Equal(new BsonDocument { { "conversation_id", "conv-1" }, { "owner", "acme/u-100" } }, Render(ArchiveQueries.Conversation(Key)));
        Assert.Equal(new BsonDocument("seq", -1), ArchiveQueries.NewestFirst.Render(Args<TurnDocument>()));
        Assert.Equal(new BsonDocument("_id", "conv-1|acme/u-100"), ArchiveQueries.Sequence(Key).Render(Args<SequenceDocument>()));
    }

    [Fact]
    public void An_answers_feedback_is_a_sub_document_and_maps_back()
    {
        var vote = new TurnFeedback("down", "Wrong site.", Start.AddSeconds(3));
        var turn = new ConversationTurn(ConversationTurn.Assistant, "Munich", Start, "portfolio", "run-1", Id: "turn-2", Feedback: vote);

        var document = TurnDocument.From(Key, 2, turn, turn.Id!).ToBsonDocument();

        Assert.Equal(new BsonDocument { { "vote", "down" }, { "comment", "Wrong site." }, { "at", Start.AddSeconds(3).UtcDateTime } }, document["feedback"]);
        Assert.Equal(vote, BsonSerializer.Deserialize<TurnDocument>(document).ToTurn().Feedback);
        Assert.DoesNotContain("feedback", TurnDocument.From(Key, 1, User("hi"), "turn-1").ToBsonDocument().Names);
    }

    /// <summary>A vote lands only on the answer of that run in the owner's own conversation.</summary>
    [Fact]
    public void A_vote_updates_the_owners_answer_of_the_run_and_clearing_unsets_it()
    {
        var filter = Render(ArchiveQueries.Answer(Key, "run-1"));
        var set = ArchiveQueries.SetFeedback(new TurnFeedback("up", null, Start)).Render(Args<TurnDocument>()).AsBsonDocument;
        var clear = ArchiveQueries.SetFeedback(null).Render(Args<TurnDocument>()).AsBsonDocument;

        Assert.Equal(new BsonDocument { { "conversation_id", "conv-1" }, { "owner", "acme/u-100" }, { "run_id", "run-1" }, { "role", "assistant" } }, filter);
        Assert.Equal(new BsonDocument { { "vote", "up" }, { "at", Start.UtcDateTime } }, set["$set"]["feedback"]);
        Assert.Equal(new BsonDocument("feedback", 1), clear["$unset"]);
    }

    [Fact]
    public void Reserving_sequence_numbers_is_one_atomic_increment()
    {
        var update = ArchiveQueries.Reserve(2, Start).Render(Args<SequenceDocument>()).AsBsonDocument;

        Assert.Equal(new BsonDocument("last", 2), update["$inc"]);
        Assert.Equal(new BsonDateTime(Start.UtcDateTime), update["$set"]["updated_at"]);
    }

    [Fact]
    public void The_list_groups_an_owners_turns_by_conversation_newest_first_and_pages_in_one_query()
    {
        var stages = ArchiveQueries.ListConversations("acme/u-100", new PageRequest(3, 20)).Render(Args<TurnDocument>()).Documents;

        Assert.Equal(["$match", "$sort", "$group", "$sort", "$facet"], stages.Select(stage => stage.GetElement(0).Name));
        Assert.Equal(new BsonDocument("owner", "acme/u-100"), stages[0]["$match"]);
        Assert.Equal("$conversation_id", stages[2]["$group"]["_id"]);
        Assert.Equal(new BsonDocument { { "updated_at", -1 }, { "_id", 1 } }, stages[3]["$sort"]);
        Assert.Equal(new BsonArray { new BsonDocument("$skip", 40), new BsonDocument("$limit", 20) }, stages[4]["$facet"]["items"]);
    }

    [Fact]
    public void A_grouped_conversation_becomes_a_summary_with_a_short_title()
    {
        var grouped = new BsonDocument { { "_id", "conv-1" }, { "first", new string('x', 200) }, { "updated_at", Start.UtcDateTime }, { "turns", 4 } };

        var summary = BsonSerializer.Deserialize<ArchivedConversation>(grouped).ToSummary();

        Assert.Equal(("conv-1", Start, 4L), (summary.ConversationId, summary.UpdatedAt, summary.Turns));
        Assert.Equal(ConversationTitle.MaxLength, summary.Title.Length);
    }

    private static RenderArgs<T> Args<T>() => new(BsonSerializer.LookupSerializer<T>(), BsonSerializer.SerializerRegistry);

    private static BsonDocument Render(IndexKeysDefinition<TurnDocument> keys) => keys.Render(Args<TurnDocument>());

    private static BsonDocument Render(IndexKeysDefinition<SequenceDocument> keys) => keys.Render(Args<SequenceDocument>());

    private static BsonDocument Render(FilterDefinition<TurnDocument> filter) => filter.Render(Args<TurnDocument>());
}
