using System.Text.Json;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Redis;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.Options;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>The Redis store against a real redis-server.</summary>
public sealed class RedisConversationStoreTests(RedisServerFixture redis) : ConversationStoreContract, IClassFixture<RedisServerFixture>
{
    protected override Task<IConversationStore> CreateStoreAsync(IOptions<MemoryOptions> options) =>
        Task.FromResult<IConversationStore>(new RedisConversationStore(redis.Client, options));

    [Fact]
    public async Task Turns_are_structured_json_in_one_list_per_owner_and_conversation()
    {
        var store = new RedisConversationStore(redis.Client, Options());
        var key = NewKey();
        await store.AppendAsync(key, [User("What is OPEX?"), Assistant("Running costs.") with { RunId = "run-7", Tools = ["search_knowledge"] }], CancellationToken.None);

        var stored = await redis.Client.GetDatabase().ListRangeAsync(RedisConversationKeys.Turns(key));

        Assert.Equal(2, stored.Length);
        var answer = JsonDocument.Parse(stored[1].ToString()).RootElement;
        Assert.Equal("assistant", answer.GetProperty("role").GetString());
        Assert.Equal("Running costs.", answer.GetProperty("content").GetString());
        Assert.Equal("knowledge", answer.GetProperty("agent").GetString());
        Assert.Equal("run-7", answer.GetProperty("run_id").GetString());
        Assert.Equal("search_knowledge", answer.GetProperty("tools")[0].GetString());
        Assert.Equal(Start, answer.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Every_key_of_a_conversation_expires_and_a_read_slides_it()
    {
        var store = new RedisConversationStore(redis.Client, Options(ttl: TimeSpan.FromHours(1)));
        var database = redis.Client.GetDatabase();
        var key = NewKey();
        await store.AppendAsync(key, [User("sliding")], CancellationToken.None);
        string[] keys = [RedisConversationKeys.Turns(key), RedisConversationKeys.Meta(key), RedisConversationKeys.Index(key.Owner), RedisConversationKeys.Holder(key.ConversationId)];
        foreach (var name in keys)
        {
            Assert.NotNull(await database.KeyTimeToLiveAsync(name));
            await database.KeyExpireAsync(name, TimeSpan.FromSeconds(30));
        }

        await store.GetTurnsAsync(key, CancellationToken.None);

        foreach (var name in keys)
        {
            Assert.True(await database.KeyTimeToLiveAsync(name) > TimeSpan.FromMinutes(30), $"{name} did not slide");
        }
    }

    [Fact]
    public async Task An_append_never_takes_an_id_another_owner_holds()
    {
        var store = new RedisConversationStore(redis.Client, Options());
        var alice = NewKey();
        await store.AppendAsync(alice, [User("alice")], CancellationToken.None);

        await store.AppendAsync(alice with { Owner = NewOwner() }, [User("bob")], CancellationToken.None);

        Assert.Equal(alice.Owner, await store.GetOwnerAsync(alice.ConversationId, CancellationToken.None));
    }
}
