using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Api;

public sealed class PrewarmTests
{
    private static readonly string[] Components = ["agent_build", "memory_store", "run_store", "archive", "model_client", "pipeline"];

    [Fact]
    public async Task Prewarm_answers_the_seed_shape_with_each_component_timed()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();

        var body = await http.GetFromJsonAsync<JsonElement>("/api/v1/chatbot/prewarm");

        Assert.Equal("ready", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("initialized").GetBoolean());
        Assert.True(body.GetProperty("agent_id").GetInt64() > 0);
        Assert.True(body.GetProperty("offline").GetBoolean());
        var components = body.GetProperty("components").EnumerateArray().ToArray();
        Assert.Equal(Components, components.Select(c => c.GetProperty("name").GetString()));
        Assert.All(components, c => Assert.True(c.GetProperty("ok").GetBoolean(), c.ToString()));
        Assert.All(components, c => Assert.True(c.GetProperty("duration_ms").GetDouble() >= 0));
        Assert.Contains("events through the offline model", components[^1].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_hundred_concurrent_first_calls_build_the_runtime_exactly_once()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();
        var runtimes = factory.Services.GetRequiredService<AgentRuntimeProvider>();
        Assert.False(runtimes.IsInitialized);

        var calls = Enumerable.Range(0, 100).Select(i => i % 2 == 0
            ? http.GetFromJsonAsync<JsonElement>("/api/v1/chatbot/prewarm")
            : http.PostAsJsonAsync(ChatbotClient.AskPath, new { question = "What is CAPEX?" }).ContinueWith(t => t.Result.Content.ReadFromJsonAsync<JsonElement>()).Unwrap());
        var answers = await Task.WhenAll(calls);

        Assert.Equal(1, runtimes.Creations);
        var ids = answers.Where(a => a.TryGetProperty("agent_id", out _)).Select(a => a.GetProperty("agent_id").GetInt64()).Distinct();
        Assert.Equal(runtimes.Current!.Id, Assert.Single(ids));
    }

    [Fact]
    public async Task Prewarm_is_idempotent()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();

        var first = await http.GetFromJsonAsync<JsonElement>("/api/v1/chatbot/prewarm");
        var second = await http.GetFromJsonAsync<JsonElement>("/api/v1/chatbot/prewarm");

        Assert.Equal(first.GetProperty("agent_id").GetInt64(), second.GetProperty("agent_id").GetInt64());
        Assert.Equal(first.GetProperty("warmed_at").GetString(), second.GetProperty("warmed_at").GetString());
        Assert.Equal(1, factory.Services.GetRequiredService<AgentRuntimeProvider>().Creations);
    }

    [Fact]
    public async Task Startup_prewarm_makes_the_process_ready_without_any_request()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();
        var runtimes = factory.Services.GetRequiredService<AgentRuntimeProvider>();

        var health = await WaitForHealthAsync(http, "Healthy");

        Assert.Equal("Healthy", health);
        Assert.True(runtimes.IsInitialized);
    }

    [Fact]
    public async Task Without_startup_prewarm_readiness_is_degraded_until_warmed()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();

        var cold = await http.GetStringAsync("/health");
        await http.GetAsync("/api/v1/chatbot/prewarm");
        var warm = await http.GetStringAsync("/health");

        Assert.Equal("Degraded", cold);
        Assert.Equal("Healthy", warm);
    }

    [Fact]
    public async Task Prewarm_with_a_conversation_id_loads_that_conversation()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();
        await http.PostAsJsonAsync(ChatbotClient.AskPath, new { question = "What is OPEX?", conversation_id = "warm-me" });

        var body = await http.GetFromJsonAsync<JsonElement>("/api/v1/chatbot/prewarm?conversation_id=warm-me");

        Assert.Equal(2, body.GetProperty("conversation_turns_loaded").GetInt32());
        var store = factory.Services.GetRequiredService<IConversationStore>();
        Assert.Equal(2, (await store.GetTurnsAsync(new ConversationKey(new AltecoContext().Owner, "warm-me"), CancellationToken.None)).Count);
    }

    private static async Task<string> WaitForHealthAsync(HttpClient http, string expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var response = await http.GetAsync("/health", timeout.Token);
            var status = await response.Content.ReadAsStringAsync(timeout.Token);
            if (status == expected)
            {
                return status;
            }
            await Task.Delay(50, timeout.Token);
        }
    }
}
