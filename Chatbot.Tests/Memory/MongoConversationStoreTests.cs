using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Mongo;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>
/// The archive against a live MongoDB when <c>CHATBOT_TEST_MONGODB</c> names one (skipped
/// otherwise; this machine has no MongoDB server). The same contract as the hot stores, less expiry.
/// </summary>
public sealed class MongoConversationStoreTests(MongoServerFixture mongo) : ConversationStoreContract, IClassFixture<MongoServerFixture>
{
    protected override bool ExpiresConversations => false;

    protected override async Task<IConversationStore> CreateStoreAsync(IOptions<MemoryOptions> options) => await CreateMongoStoreAsync(options);

    [SkippableFact]
    public async Task Connect_creates_the_indexes_and_a_retention_ttl_when_configured()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new MemoryOptions { Collection = $"turns_{Guid.NewGuid():N}", RetentionDays = 30 });
        await CreateMongoStoreAsync(options);

        var indexes = await (await mongo.Database!.GetCollection<BsonDocument>(options.Value.Collection).Indexes.ListAsync()).ToListAsync();

        var byName = indexes.ToDictionary(index => index["name"].AsString);
        Assert.True(byName[ArchiveIndexes.ConversationSequence]["unique"].AsBoolean);
        Assert.Equal(TimeSpan.FromDays(30).TotalSeconds, byName[ArchiveIndexes.Retention]["expireAfterSeconds"].ToDouble());
        Assert.Contains(ArchiveIndexes.OwnerUpdated, byName.Keys);
    }

    [SkippableFact]
    public async Task A_retried_append_does_not_duplicate_turns()
    {
        var store = await CreateMongoStoreAsync(Options());
        var key = NewKey();
        ConversationTurn[] turns = [User("once") with { Id = "retry-1" }, Assistant("only once") with { Id = "retry-2" }];

        await store.AppendAsync(key, turns, CancellationToken.None);
        await store.AppendAsync(key, turns, CancellationToken.None);

        Assert.Equal(2, (await store.GetTurnsAsync(key, CancellationToken.None)).Count);
    }

    private async Task<MongoConversationStore> CreateMongoStoreAsync(IOptions<MemoryOptions> options)
    {
        Skip.If(mongo.Database is null, MongoServerFixture.SkipReason);
        var store = new MongoConversationStore(mongo.Database!, options, TimeProvider.System);
        await store.ConnectAsync(CancellationToken.None);
        return store;
    }
}
