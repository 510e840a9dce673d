using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Mongo;
using Chatbot.Tests.Memory.Support;
using MongoDB.Bson;
using MongoDB.Driver;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>
/// The archive never reads, changes or erases a conversation under any owner but its own: the real
/// driver talks to <see cref="MongoWireResponder"/>, and every filter in what it sent is checked,
/// so a query that loses its owner fails here, with no MongoDB server.
/// </summary>
public sealed class ArchiveOwnerScopeTests : IAsyncLifetime
{
    private const string TurnsCollection = "turns";
    private const string SequencesCollection = TurnsCollection + MongoConversationStore.SequencesSuffix;
    private static readonly ConversationKey Key = new("acme/u-100", "conv-1");
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly MongoWireResponder _mongo;
    private readonly MongoClient _client;
    private bool _insertsAreDuplicates;

    public ArchiveOwnerScopeTests()
    {
        _mongo = MongoWireResponder.Start(Answer);
        _client = new MongoClient(_mongo.ConnectionString);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _mongo.DisposeAsync();
    }

    [Fact]
    public async Task Every_query_update_and_delete_the_archive_sends_names_the_owner()
    {
        var store = new MongoConversationStore(_client.GetDatabase("chatbot"), Options(TurnsCollection), TimeProvider.System);

        await store.ConnectAsync(None);
        await store.AppendAsync(Key, [User("What is OPEX?") with { Id = "turn-1" }, Assistant("Running costs.") with { Id = "turn-2" }], None);
        await store.GetTurnsAsync(Key, None);
        await store.ListAsync(Key.Owner, new PageRequest(2, 10), None);
        _insertsAreDuplicates = true;
        await store.AppendAsync(Key, [User("And CAPEX?") with { Id = "turn-3" }], None);
        await store.DeleteAsync(Key, None);

        var sent = _mongo.Commands.Where(command => command[0] is BsonString { Value: TurnsCollection or SequencesCollection }).ToList();
        Assert.Equal(
            ["turns:aggregate", "turns:createIndexes", "turns:delete", "turns:dropIndexes", "turns:find", "turns:insert",
             "turns_sequences:delete", "turns_sequences:dropIndexes", "turns_sequences:findAndModify"],
            sent.Select(Describe).Distinct().Order(StringComparer.Ordinal));
        Assert.All(sent, command => Assert.All(FiltersOf(command), filter => AssertNamesTheOwner(command, filter)));
    }

    /// <summary>Where each command the archive sends carries its filter; a command not listed here fails until it is.</summary>
    private static IEnumerable<BsonDocument> FiltersOf(BsonDocument command) => command.GetElement(0).Name switch
    {
        "find" => [command.GetValue("filter", new BsonDocument()).AsBsonDocument],
        "aggregate" => [FirstStageMatch(command["pipeline"].AsBsonArray)],
        "findAndModify" => [command.GetValue("query", new BsonDocument()).AsBsonDocument],
        "delete" => command["deletes"].AsBsonArray.Select(delete => delete["q"].AsBsonDocument),
        "update" => command["updates"].AsBsonArray.Select(update => update["q"].AsBsonDocument),
        "count" or "distinct" => [command.GetValue("query", new BsonDocument()).AsBsonDocument],
        "insert" or "createIndexes" or "dropIndexes" or "listIndexes" => [],
        var name => throw new Xunit.Sdk.XunitException($"The archive sent '{name}': add where its filter is to {nameof(FiltersOf)}."),
    };

    /// <summary>Only a first-stage $match limits what the rest of a pipeline sees.</summary>
    private static BsonDocument FirstStageMatch(BsonArray pipeline) =>
        pipeline.FirstOrDefault() is BsonDocument first && first.Contains("$match") ? first["$match"].AsBsonDocument : [];

    /// <summary>Turns carry an owner field; a sequence counter names its owner in its id.</summary>
    private static void AssertNamesTheOwner(BsonDocument command, BsonDocument filter)
    {
        var named = command[0].AsString == TurnsCollection
            ? Constrains(filter, "owner", Key.Owner)
            : Constrains(filter, "_id", "conv-1|acme/u-100");
        Assert.True(named, $"{Describe(command)} filter {filter} is not limited to owner {Key.Owner}");
    }

    /// <summary>The field equals the value in the filter itself or in one of its $and terms.</summary>
    private static bool Constrains(BsonDocument filter, string field, string value)
    {
        var term = filter.GetValue(field, BsonNull.Value);
        var equal = term == value || (term is BsonDocument { ElementCount: 1 } operation && operation.GetValue("$eq", BsonNull.Value) == value);
        return equal || filter.GetValue("$and", new BsonArray()).AsBsonArray.Any(part => Constrains(part.AsBsonDocument, field, value));
    }

    private static string Describe(BsonDocument command) => $"{command[0].AsString}:{command.GetElement(0).Name}";

    /// <summary>The sequence counter answers as a new counter would; inserts, once asked to, as an earlier try that got through.</summary>
    private BsonDocument? Answer(BsonDocument command) => command.GetElement(0).Name switch
    {
        "findAndModify" => new BsonDocument
        {
            { "lastErrorObject", new BsonDocument { { "n", 1 }, { "updatedExisting", false } } },
            { "value", new BsonDocument { { "_id", command["query"]["_id"] }, { "last", command["update"]["$inc"]["last"] } } },
            { "ok", 1 },
        },
        "insert" when _insertsAreDuplicates => new BsonDocument
        {
            { "n", 0 },
            { "writeErrors", new BsonArray(command["documents"].AsBsonArray.Select((_, i) => new BsonDocument { { "index", i }, { "code", 11000 }, { "errmsg", "E11000 duplicate key" } })) },
            { "ok", 1 },
        },
        "aggregate" when IsCount(command) => MongoWireResponder.Cursor(command, [new BsonDocument { { "_id", 1 }, { "n", CountedIds(command) } }]),
        _ => null,
    };

    private static bool IsCount(BsonDocument command) =>
        command["pipeline"].AsBsonArray.Any(stage => stage.AsBsonDocument.Contains("$group") && stage["$group"].AsBsonDocument.Contains("n"));

    private static int CountedIds(BsonDocument command) =>
        FirstStageMatch(command["pipeline"].AsBsonArray).GetValue("_id", new BsonDocument())
            .AsBsonDocument.GetValue("$in", new BsonArray()).AsBsonArray.Count;

    private static Microsoft.Extensions.Options.IOptions<MemoryOptions> Options(string collection) =>
        Microsoft.Extensions.Options.Options.Create(new MemoryOptions { Collection = collection });
}
