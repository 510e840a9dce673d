using System.Text.Json;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Redis;
using Chatbot.Tests.Memory.Support;
using Microsoft.Extensions.Options;
using static Chatbot.Tests.Memory.Support.Turns;

namespace Chatbot.Tests.Memory;

/// <summary>The Redis store against a real redis-server: one node, and a three-master cluster.</summary>
public abstract class RedisConversationStoreTests<TRedis>(TRedis redis) : ConversationStoreContract where TRedis : IRedisFixture
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
        await store.AppendAsync(key, [User("sliding") with { Id = "turn-1" }, .. Exchange("run-1")], CancellationToken.None);
        await store.SetFeedbackAsync(key, "run-1", new TurnFeedback("up", null, Start), CancellationToken.None);
        string[] keys = [RedisConversationKeys.Turns(key), RedisConversationKeys.Meta(key), RedisConversationKeys.Index(key.Owner),
            RedisConversationKeys.TurnIds(key), RedisConversationKeys.Feedback(key)];
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

    /// <summary>A key of the id alone would be an index across owners: who uses an id, told to anyone who asks.</summary>
    [Fact]
    public async Task Every_key_a_conversation_writes_carries_its_owners_hash_tag()
    {
        var store = new RedisConversationStore(redis.Client, Options());
        var key = NewKey();
        await store.AppendAsync(key, Exchange("run-1"), CancellationToken.None);
        await store.SetFeedbackAsync(key, "run-1", new TurnFeedback("down", "mine", Start), CancellationToken.None);
        await store.GetTurnsAsync(key, CancellationToken.None);

        var written = new List<string>();
        foreach (var server in redis.Client.GetServers().Where(server => !server.IsReplica))
        {
            await foreach (var name in server.KeysAsync(pattern: $"*{key.ConversationId}*"))
            {
                written.Add(name!);
            }
        }

        Assert.NotEmpty(written);
        Assert.All(written, name => Assert.Equal(HashTag(RedisConversationKeys.Index(key.Owner)), HashTag(name)));
    }

    /// <summary>A vote goes into the hash beside the turns, by run id; the list of turns is never rewritten.</summary>
    [Fact]
    public async Task A_vote_is_kept_beside_the_turns_and_never_in_them()
    {
        var store = new RedisConversationStore(redis.Client, Options());
        var database = redis.Client.GetDatabase();
        var key = NewKey();
        var rehydrated = new TurnFeedback("up", "from the archive", Start);
        await store.AppendAsync(key, [.. Exchange("run-1"), Exchange("run-2")[0], Exchange("run-2")[1] with { Feedback = rehydrated }], CancellationToken.None);
        var before = await database.ListRangeAsync(RedisConversationKeys.Turns(key));

        await store.SetFeedbackAsync(key, "run-1", new TurnFeedback("down", "Not my site.", Start), CancellationToken.None);

        Assert.Equal(before, await database.ListRangeAsync(RedisConversationKeys.Turns(key)));
        Assert.All(before, json => Assert.False(JsonDocument.Parse(json.ToString()).RootElement.TryGetProperty("feedback", out _)));
        var stored = await database.HashGetAllAsync(RedisConversationKeys.Feedback(key));
        Assert.Equal(["run-1", "run-2"], stored.Select(entry => entry.Name.ToString()).Order());
        var vote = JsonDocument.Parse(stored.Single(entry => entry.Name == "run-1").Value.ToString()).RootElement;
        Assert.Equal(("down", "Not my site."), (vote.GetProperty("vote").GetString(), vote.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task A_repeated_append_of_the_same_turns_adds_nothing()
    {
        var store = new RedisConversationStore(redis.Client, Options());
        var key = NewKey();
        ConversationTurn[] turns = [User("once") with { Id = "turn-a" }, Assistant("only once") with { Id = "turn-b" }];

        await store.AppendAsync(key, turns, CancellationToken.None);
        await store.AppendAsync(key, turns, CancellationToken.None);
        await store.AppendAsync(key, [turns[1], User("then this") with { Id = "turn-c" }], CancellationToken.None);

        Assert.Equal(["once", "only once", "then this"], (await store.GetTurnsAsync(key, CancellationToken.None)).Select(turn => turn.Content));
        Assert.Equal(3, (await store.ListAsync(key.Owner, new PageRequest(1, 10), CancellationToken.None)).Items.Single().Turns);
    }

    [Fact]
    public void A_conversation_and_its_owners_list_share_one_slot()
    {
        var key = NewKey();
        var slots = new[] { RedisConversationKeys.Turns(key), RedisConversationKeys.Meta(key), RedisConversationKeys.TurnIds(key), RedisConversationKeys.Index(key.Owner),
                RedisConversationKeys.Feedback(key) }
            .Select(name => redis.Client.HashSlot(name)).Distinct();
        var other = NewKey(key.Owner);

        Assert.Single(slots);
        Assert.Equal(redis.Client.HashSlot(RedisConversationKeys.Meta(key)), redis.Client.HashSlot(RedisConversationKeys.Meta(other)));
    }

    /// <summary>What Redis hashes a key by: the text between its first '{' and the next '}' (the slot alone says nothing on one node).</summary>
    private static string HashTag(string key)
    {
        var open = key.IndexOf('{');
        var close = open < 0 ? -1 : key.IndexOf('}', open + 1);
        return close > open + 1 ? key[(open + 1)..close] : key;
    }
}

public sealed class RedisNodeConversationStoreTests(RedisServerFixture redis)
    : RedisConversationStoreTests<RedisServerFixture>(redis), IClassFixture<RedisServerFixture>;

[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterConversationStoreTests(RedisClusterFixture redis) : RedisConversationStoreTests<RedisClusterFixture>(redis);
