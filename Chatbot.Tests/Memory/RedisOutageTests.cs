using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.Contracts.Identity;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Memory.Redis;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using StackExchange.Redis;

namespace Chatbot.Tests.Memory;

/// <summary>Redis killed mid-conversation: chats go on, health says degraded, and Redis is used again once it is back.</summary>
public sealed class RedisOutageTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task The_chat_answers_while_redis_is_down_health_is_degraded_and_memory_resumes_when_it_is_back()
    {
        await using var factory = new ApiFactory().With("ConnectionStrings:redis", redis.ConnectionString);
        using var http = factory.CreateClient();
        var id = $"outage-{Guid.NewGuid():N}";
        var turnsKey = RedisConversationKeys.Turns(new ConversationKey(new AltecoContext().Owner, id));
        Assert.True(await HealthIsAsync(http, "Healthy"));
        Assert.NotEmpty(await AskAsync(http, "What is OPEX?", id));
        Assert.Equal(2, await redis.Client.GetDatabase().ListLengthAsync(turnsKey));

        redis.Kill();
        var duringOutage = await AskAsync(http, "What is LCOE?", id);

        Assert.Contains("LCOE", duringOutage);
        Assert.True(await HealthIsAsync(http, "Degraded"));

        await redis.StartAsync();
        Assert.True(await HealthIsAsync(http, "Healthy"));
        Assert.NotEmpty(await AskAsync(http, "What is CAPEX?", id));
        await using var fresh = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.Equal(2, await fresh.GetDatabase().ListLengthAsync(turnsKey));
    }

    private static async Task<string> AskAsync(HttpClient http, string question, string conversationId)
    {
        var response = await http.PostAsJsonAsync(ChatbotClient.AskPath, new { question, conversation_id = conversationId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answer").GetString()!;
    }

    private static Task<bool> HealthIsAsync(HttpClient http, string status) =>
        Eventually.HoldsAsync(async () => await (await http.GetAsync("/health")).Content.ReadAsStringAsync() == status);
}
