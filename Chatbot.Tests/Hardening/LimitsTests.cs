using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Hardening;

/// <summary>Rate limits, run budgets, provider faults and shutdown.</summary>
public sealed class LimitsTests
{
    private const string Payback = "What is the payback of a 100000 EUR investment saving 15000 EUR a year?";

    [Fact]
    public async Task Questions_past_the_per_minute_limit_get_429_with_retry_after()
    {
        await using var factory = new ApiFactory().With("Chatbot:RateLimits:QuestionsPerMinute", "2");
        using var http = factory.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await http.SendAsync(Ask("What is OPEX?", "u-rate")));
        }
        var otherUser = await http.SendAsync(Ask("What is OPEX?", "u-other"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        Assert.True(int.Parse(answers[2].Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Equal("application/problem+json", answers[2].Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }

    [Fact]
    public async Task The_same_user_id_in_two_tenants_gets_a_question_quota_in_each()
    {
        await using var factory = new ApiFactory().With("Chatbot:RateLimits:QuestionsPerMinute", "2");
        using var http = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var tenant in new[] { "t-100", "t-200" })
        {
            for (var i = 0; i < 3; i++)
            {
                using var answer = await http.SendAsync(Ask("What is OPEX?", "u-shared", tenant));
                statuses.Add(answer.StatusCode);
            }
        }

        HttpStatusCode[] quota = [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests];
        Assert.Equal([.. quota, .. quota], statuses);
    }

    [Fact]
    public async Task A_user_may_hold_only_the_configured_number_of_open_streams()
    {
        var model = new RecordingChatClient { FirstTokenGate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var factory = new ApiFactory().WithModel(model).With("Chatbot:RateLimits:ConcurrentStreamsPerUser", "2");
        using var http = factory.CreateClient();

        var open = new[] { await OpenStream(http), await OpenStream(http) };
        var third = await OpenStream(http);
        model.FirstTokenGate.SetResult();
        foreach (var stream in open)
        {
            await stream.Content.ReadAsStringAsync();
        }
        var afterwards = await http.SendAsync(Ask("What is OPEX?", "u-streams"));

        Assert.All(open, stream => Assert.Equal(HttpStatusCode.OK, stream.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task An_answer_over_its_token_budget_ends_with_an_error_and_keeps_what_was_produced()
    {
        await using var factory = new ApiFactory().With("Chatbot:Budget:MaxOutputTokens", "5");
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Explain battery storage", "budget-1"));

        var error = events[^1];
        Assert.Equal(StreamEventTypes.Error, error.Type);
        Assert.Equal(StreamErrorCodes.BudgetExceededPrefix + StreamErrorCodes.BudgetLimits.OutputTokens, error.Text(StreamEventFields.Code));
        Assert.Equal(6, events.Count(e => e.Type == StreamEventTypes.Token));
        var turns = await Turns(factory, "budget-1");
        Assert.True(turns[1].Incomplete);
        Assert.Equal(ChatbotClient.Answer(events), turns[1].Content);
    }

    [Fact]
    public async Task An_answer_over_its_tool_call_budget_ends_with_an_error()
    {
        await using var factory = new ApiFactory().With("Chatbot:Budget:MaxToolCalls", "0");
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(Payback, null, (StreamHeaders.Level, "2")));

        Assert.Equal(StreamErrorCodes.BudgetExceededPrefix + StreamErrorCodes.BudgetLimits.ToolCalls, events[^1].Text(StreamEventFields.Code));
        Assert.DoesNotContain(events, e => e.Type == StreamEventTypes.ToolEnd);
    }

    [Fact]
    public async Task An_answer_over_its_time_budget_ends_with_an_error()
    {
        await using var factory = new ApiFactory().WithModel(new RecordingChatClient(tokenDelayMs: 200)).With("Chatbot:Budget:MaxRunTime", "00:00:00.3");
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Explain battery storage"));

        Assert.Equal(StreamErrorCodes.BudgetExceededPrefix + StreamErrorCodes.BudgetLimits.RunTime, events[^1].Text(StreamEventFields.Code));
    }

    [Fact]
    public async Task Throttling_before_the_first_token_is_retried()
    {
        var model = new ThrottlingChatClient(new OfflineChatClient(new() { TokenDelayMs = 0 }), throttledCalls: 2);
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?"));

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.True(model.Calls >= 4, $"{model.Calls} calls");
    }

    [Fact]
    public async Task A_provider_error_after_tokens_ends_with_an_error_and_keeps_the_partial_answer_marked_incomplete()
    {
        await using var factory = new ApiFactory().WithModel(new RecordingChatClient { FailAfterFirstToken = new HttpRequestException("boom", null, HttpStatusCode.TooManyRequests) });
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", "partial-1"));

        Assert.Equal(StreamErrorCodes.AgentFailed, events[^1].Text(StreamEventFields.Code));
        var turns = await Turns(factory, "partial-1");
        Assert.True(turns[1].Incomplete);
        Assert.Equal(ChatbotClient.Answer(events), turns[1].Content);
    }

    [Fact]
    public async Task A_client_that_disconnects_leaves_no_run_behind()
    {
        // Held after its first token, the run ends only if the disconnect cancels it; no prewarm
        // rehearsal runs beside it.
        var model = new RecordingChatClient(tokenDelayMs: 50) { HoldAfterFirstToken = true };
        await using var factory = new ApiFactory().WithModel(model).With("Chatbot:Prewarm:OnStartup", "false");
        using var http = factory.CreateClient();
        var runs = factory.Services.GetRequiredService<RunRegistry>();
        using var disconnect = new CancellationTokenSource();

        var response = await http.SendAsync(ChatbotClient.AskRequest("Explain battery storage"), HttpCompletionOption.ResponseHeadersRead, disconnect.Token);
        await factory.Logs.WaitAsync(model.FirstTokenSent.Task, TimeSpan.FromSeconds(30), "the first token");
        Assert.Equal(1, runs.Active);
        disconnect.Cancel();
        response.Dispose();

        await WaitUntil(() => runs.Active == 0);
    }

    [Fact]
    public async Task Shutting_down_refuses_new_questions_and_ends_open_answers_with_an_error()
    {
        var model = new RecordingChatClient { FirstTokenGate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var factory = new ApiFactory().WithModel(model).With("Chatbot:Shutdown:DrainTime", "00:00:00.2");
        using var http = factory.CreateClient();
        var open = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", "shutdown-1"), HttpCompletionOption.ResponseHeadersRead);

        factory.Services.GetRequiredService<RunRegistry>().BeginDraining(TimeSpan.FromMilliseconds(200));
        var refused = await http.SendAsync(Ask("What is OPEX?", "u-late"));
        var raw = await open.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("\"code\":\"server_restarting\"", raw);
    }

    private static Task<HttpResponseMessage> OpenStream(HttpClient http) =>
        http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null, CallerHeaders.User("u-streams")), HttpCompletionOption.ResponseHeadersRead);

    private static HttpRequestMessage Ask(string question, string user, string? tenant = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream) { Content = JsonContent.Create(new QuestionRequest(question)) };
        ChatbotClient.WithHeaders(request, CallerHeaders.User(user));
        return tenant is null ? request : ChatbotClient.WithHeaders(request, CallerHeaders.Field(IdentityHeaders.TenantId, tenant));
    }

    private static Task<IReadOnlyList<ConversationTurn>> Turns(ApiFactory factory, string conversationId) =>
        factory.Services.GetRequiredService<IConversationStore>().GetTurnsAsync(new ConversationKey(new AltecoContext().Owner, conversationId), CancellationToken.None);

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(20);
        }
    }
}
