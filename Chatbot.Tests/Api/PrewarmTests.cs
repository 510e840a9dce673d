using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Api;

public sealed class PrewarmTests
{
    private static readonly string[] Components = ["agent_build", "knowledge", "memory_store", "run_store", "archive", "model_client", "platform", "http"];

    [Fact]
    public async Task Prewarm_answers_the_seed_shape_with_each_component_timed()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };

        var body = (await http.GetFromJsonAsync<PrewarmResponse>(ChatbotRoutes.Prewarm))!;

        Assert.Equal(PrewarmResponse.Ready, body.Status);
        Assert.True(body.Initialized);
        Assert.True(body.AgentId > 0);
        Assert.True(body.Offline);
        var components = body.Components!.ToArray();
        Assert.Equal(Components, components.Select(c => c.Name));
        Assert.All(components, c => Assert.True(c.Ok, c.ToString()));
        Assert.All(components, c => Assert.True(c.DurationMs >= 0));
        Assert.StartsWith($"{Rehearsal.Questions.Length} questions", components[^1].Detail);
    }

    [Fact]
    public async Task A_hundred_concurrent_first_calls_build_the_runtime_exactly_once()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();
        var runtimes = factory.Services.GetRequiredService<AgentRuntimeProvider>();
        Assert.False(runtimes.IsInitialized);

        var calls = Enumerable.Range(0, 100).Select(i => i % 2 == 0
            ? http.GetFromJsonAsync<JsonElement>(ChatbotRoutes.Prewarm)
            : http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest("What is CAPEX?")).ContinueWith(t => t.Result.Content.ReadFromJsonAsync<JsonElement>()).Unwrap());
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

        var first = (await http.GetFromJsonAsync<PrewarmResponse>(ChatbotRoutes.Prewarm))!;
        var second = (await http.GetFromJsonAsync<PrewarmResponse>(ChatbotRoutes.Prewarm))!;

        Assert.Equal(first.AgentId, second.AgentId);
        Assert.Equal(first.WarmedAt, second.WarmedAt);
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
        await http.GetAsync(ChatbotRoutes.Prewarm);
        var warm = await http.GetStringAsync("/health");

        Assert.Equal("Degraded", cold);
        Assert.Equal("Healthy", warm);
    }

    [Fact]
    public async Task Without_startup_prewarm_readiness_is_healthy_once_a_question_built_the_team()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();

        (await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest("What is CAPEX?"))).EnsureSuccessStatusCode();

        Assert.Equal("Healthy", await http.GetStringAsync("/health"));
    }

    [Fact]
    public async Task Prewarm_with_a_conversation_id_loads_that_conversation()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();
        await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest("What is OPEX?", "warm-me"));

        var body = (await http.GetFromJsonAsync<PrewarmResponse>($"{ChatbotRoutes.Prewarm}?conversation_id=warm-me"))!;

        Assert.Equal(2, body.ConversationTurnsLoaded);
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
