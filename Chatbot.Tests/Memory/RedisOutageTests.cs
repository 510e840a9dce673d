using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Redis;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using StackExchange.Redis;

namespace Chatbot.Tests.Memory;

/// <summary>
/// Redis (or, on a cluster, the node of the conversation's slot) killed mid-conversation: chats go
/// on, health says degraded, and once it is back what was answered meanwhile is written back in
/// order, where another replica reads it, and Redis is used again.
/// </summary>
public abstract class RedisOutageTests<TRedis>(TRedis redis) where TRedis : IRedisFixture
{
    protected TRedis Redis { get; } = redis;

    [Fact]
    public async Task The_chat_answers_while_redis_is_down_and_what_it_answered_is_written_back_once_redis_is_back()
    {
        await using var factory = new ApiFactory().With("ConnectionStrings:redis", Redis.ConnectionString).With("Chatbot:Memory:WriteBackInterval", "00:00:00.200");
        using var http = factory.CreateClient();
        var id = $"outage-{Guid.NewGuid():N}";
        var key = new ConversationKey(new AltecoContext().Owner, id);
        Assert.True(await HealthIsAsync(http, "Healthy"));
        Assert.NotEmpty(await AskAsync(http, "What is OPEX?", id));

        await KillAsync(RedisConversationKeys.Turns(key));
        var duringOutage = await AskAsync(http, "What is LCOE?", id);
        Assert.Contains("LCOE", duringOutage);
        Assert.True(await HealthIsAsync(http, "Degraded"));

        await RestartAsync();
        Assert.True(await HealthIsAsync(http, "Healthy")); // healthy again only once the backlog is written back
        Assert.NotEmpty(await AskAsync(http, "What is CAPEX?", id));
        await using var anotherReplica = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var questions = (await anotherReplica.GetDatabase().ListRangeAsync(RedisConversationKeys.Turns(key)))
            .Select(json => ConversationTurnJson.Deserialize(json!)).Where(turn => turn.Role == ConversationTurn.User).Select(turn => turn.Content);
        Assert.Equal([.. KeptQuestions, "What is LCOE?", "What is CAPEX?"], questions);
    }

    [Fact]
    public async Task A_vote_given_while_redis_is_down_is_written_back_after_its_answer()
    {
        await using var factory = new ApiFactory().With("ConnectionStrings:redis", Redis.ConnectionString).With("Chatbot:Memory:WriteBackInterval", "00:00:00.200");
        using var http = factory.CreateClient();
        var id = $"outage-{Guid.NewGuid():N}";
        var key = new ConversationKey(new AltecoContext().Owner, id);
        Assert.True(await HealthIsAsync(http, "Healthy"));

        await KillAsync(RedisConversationKeys.Turns(key));
        await AskAsync(http, "What is LCOE?", id);
        var runId = (await http.GetFromJsonAsync<ConversationResponse>(ChatbotRoutes.Conversation(id)))!.Turns[^1].RunId!;
        var vote = await http.PutAsJsonAsync(ChatbotRoutes.AnswerFeedback(id, runId), new { vote = "down", comment = "said during the outage" });
        vote.EnsureSuccessStatusCode();

        await RestartAsync();
        Assert.True(await HealthIsAsync(http, "Healthy")); // once the backlog is written back
        await using var anotherReplica = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        var stored = await anotherReplica.GetDatabase().HashGetAsync(RedisConversationKeys.Feedback(key), runId);
        var feedback = ConversationTurnJson.DeserializeFeedback(stored!);
        Assert.Equal(("down", "said during the outage"), (feedback.Vote, feedback.Comment));
    }

    /// <summary>The questions from before the outage that the restarted Redis still has.</summary>
    protected abstract string[] KeptQuestions { get; }

    protected abstract Task KillAsync(RedisKey key);

    protected abstract Task RestartAsync();

    private static async Task<string> AskAsync(HttpClient http, string question, string conversationId)
    {
        var response = await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new { question, conversation_id = conversationId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString()!;
    }

    private static Task<bool> HealthIsAsync(HttpClient http, string status) =>
        Eventually.HoldsAsync(async () => await (await http.GetAsync("/health")).Content.ReadAsStringAsync() == status);
}

/// <summary>One node without persistence: the restarted Redis is empty, and gets back what was answered during the outage.</summary>
public sealed class RedisNodeOutageTests(RedisServerFixture redis) : RedisOutageTests<RedisServerFixture>(redis), IClassFixture<RedisServerFixture>
{
    protected override string[] KeptQuestions => [];

    protected override Task KillAsync(RedisKey key)
    {
        Redis.Kill();
        return Task.CompletedTask;
    }

    protected override Task RestartAsync() => Redis.StartAsync();
}

/// <summary>The cluster node serving the conversation killed and restarted (it keeps what it acknowledged).</summary>
[Collection(RedisClusterCollection.Name)]
public sealed class RedisClusterOutageTests(RedisClusterFixture redis) : RedisOutageTests<RedisClusterFixture>(redis)
{
    private int _node = -1;

    protected override string[] KeptQuestions => ["What is OPEX?"];

    protected override Task KillAsync(RedisKey key)
    {
        _node = Redis.NodeOf(key);
        Redis.KillNode(_node);
        return Task.CompletedTask;
    }

    protected override Task RestartAsync() => Redis.RestartNodeAsync(_node);
}
