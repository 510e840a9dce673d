using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Telemetry;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;

namespace Chatbot.Tests.Feedback;

/// <summary>
/// <c>PUT|DELETE /conversations/{id}/answers/{run_id}/feedback</c> over HTTP, on the embedded store
/// and on a real Redis: one vote per user and answer, changeable and clearable, shown when the
/// conversation is read again; another user's conversation or answer is unknown (404), bad input
/// a 400 naming the field; votes counted by specialist.
/// </summary>
public abstract class FeedbackApiContract
{
    protected abstract ApiFactory CreateFactory();

    [Fact]
    public async Task My_vote_on_my_answer_is_stored_and_shown_when_the_conversation_is_read()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (alice, id) = (NewUser(), NewId());
        var runId = await AskAsync(http, "What is OPEX?", id, alice);

        var response = await VoteAsync(http, alice, id, runId, """{"vote":"up","comment":"  Short and right.  "}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new FeedbackResponse("up", "Short and right."), await response.Content.ReadFromJsonAsync<FeedbackResponse>());
        var turns = await TurnsAsync(http, alice, id);
        Assert.Equal([null, new FeedbackResponse("up", "Short and right.")], turns.Select(turn => turn.Feedback));
        var raw = await RawTurnsAsync(http, alice, id);
        Assert.False(raw[0].TryGetProperty("feedback", out _), "a turn without a vote has no feedback field");
    }

    [Fact]
    public async Task A_vote_can_be_changed_and_cleared()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (alice, id) = (NewUser(), NewId());
        var first = await AskAsync(http, "What is OPEX?", id, alice);
        var second = await AskAsync(http, "What is LCOE?", id, alice);
        await VoteAsync(http, alice, id, first, """{"vote":"up","comment":"good"}""");
        await VoteAsync(http, alice, id, second, """{"vote":"up"}""");

        var changed = await VoteAsync(http, alice, id, first, """{"vote":"down"}""");
        var afterChange = await TurnsAsync(http, alice, id);
        var cleared = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Delete, ChatbotRoutes.AnswerFeedback(id, second)), alice));
        var clearedAgain = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Delete, ChatbotRoutes.AnswerFeedback(id, second)), alice));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal([null, new FeedbackResponse("down"), null, new FeedbackResponse("up")], afterChange.Select(turn => turn.Feedback));
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (cleared.StatusCode, clearedAgain.StatusCode));
        Assert.Equal([null, new FeedbackResponse("down"), null, null], (await TurnsAsync(http, alice, id)).Select(turn => turn.Feedback));
    }

    [Fact]
    public async Task Another_users_conversation_or_answer_is_not_found_and_their_vote_stays()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (alice, bob) = (NewUser(), NewUser());
        var (alicesId, bobsId) = (NewId(), NewId());
        var alicesRun = await AskAsync(http, "What is OPEX?", alicesId, alice);
        await AskAsync(http, "What is LCOE?", bobsId, bob);
        await VoteAsync(http, alice, alicesId, alicesRun, """{"vote":"up"}""");

        var inAlicesConversation = await VoteAsync(http, bob, alicesId, alicesRun, """{"vote":"down","comment":"spite"}""");
        var clearInAlicesConversation = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Delete, ChatbotRoutes.AnswerFeedback(alicesId, alicesRun)), bob));
        var readingAlicesConversation = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversation(alicesId)), bob));
        var alicesRunInBobsConversation = await VoteAsync(http, bob, bobsId, alicesRun, """{"vote":"down"}""");

        // Exactly as reading someone else's conversation: nothing tells bob that alice has one.
        Assert.Equal(HttpStatusCode.NotFound, inAlicesConversation.StatusCode);
        Assert.Equal(await TitleAsync(readingAlicesConversation), await TitleAsync(inAlicesConversation));
        Assert.Equal(HttpStatusCode.NotFound, clearInAlicesConversation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, alicesRunInBobsConversation.StatusCode);
        Assert.Equal("Answer not found", await TitleAsync(alicesRunInBobsConversation));
        Assert.Equal(new FeedbackResponse("up"), (await TurnsAsync(http, alice, alicesId))[1].Feedback);
        Assert.All(await TurnsAsync(http, bob, bobsId), turn => Assert.Null(turn.Feedback));
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadBodies => new()
    {
        { "unknown vote", """{"vote":"sideways"}""", HttpStatusCode.BadRequest, "vote" },
        { "no vote", """{"comment":"hm"}""", HttpStatusCode.BadRequest, "vote" },
        { "vote in capitals", """{"vote":"UP"}""", HttpStatusCode.BadRequest, "vote" },
        { "vote of the wrong type", """{"vote":1}""", HttpStatusCode.BadRequest, "body" },
        { "comment too long", $$"""{"vote":"down","comment":"{{new string('x', FeedbackRequest.MaxCommentLength + 1)}}"}""", HttpStatusCode.BadRequest, "comment" },
        { "comment with a control character", """{"vote":"down","comment":"fine\u001b[2J"}""", HttpStatusCode.BadRequest, "comment" },
        { "malformed JSON", """{"vote":"up", """, HttpStatusCode.BadRequest, "body" },
        { "not an object", """["up"]""", HttpStatusCode.BadRequest, "body" },
        { "null", "null", HttpStatusCode.BadRequest, "body" },
        { "vote sent twice", """{"vote":"up","vote":"down"}""", HttpStatusCode.BadRequest, "body" },
        { "body too large", $$"""{"vote":"up","comment":"{{new string('x', 9_000)}}"}""", HttpStatusCode.RequestEntityTooLarge, "body" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_refused_with_a_problem_naming_the_field_and_nothing_is_stored(string _, string body, HttpStatusCode status, string field)
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (alice, id) = (NewUser(), NewId());
        var runId = await AskAsync(http, "What is OPEX?", id, alice);

        var response = await VoteAsync(http, alice, id, runId, body);

        await AssertProblemAsync(response, status, field);
        Assert.All(await TurnsAsync(http, alice, id), turn => Assert.Null(turn.Feedback));
    }

    [Fact]
    public async Task Not_json_and_a_malformed_run_id_are_refused()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (alice, id) = (NewUser(), NewId());
        var runId = await AskAsync(http, "What is OPEX?", id, alice);
        var asText = As(new HttpRequestMessage(HttpMethod.Put, ChatbotRoutes.AnswerFeedback(id, runId)) { Content = new StringContent("up", Encoding.UTF8, "text/plain") }, alice);

        var notJson = await http.SendAsync(asText);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notJson.StatusCode);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        var response = await VoteAsync(http, alice, id, "not-a-run", """{"vote":"up"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("run_id", out _));
    }

    [Fact]
    public async Task An_incomplete_unknown_or_unasked_answer_takes_no_vote()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (alice, id) = (NewUser(), NewId());
        await AskAsync(http, "What is OPEX?", id, alice);
        var stopped = await StoreAnswerAsync(factory, alice, id, "knowledge", incomplete: true);
        var unknownRun = Guid.NewGuid().ToString("N");

        await AssertProblemAsync(await VoteAsync(http, alice, id, stopped, """{"vote":"down"}"""), HttpStatusCode.BadRequest, "run_id");
        Assert.Equal(HttpStatusCode.NotFound, (await VoteAsync(http, alice, id, unknownRun, """{"vote":"down"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await VoteAsync(http, alice, NewId(), unknownRun, """{"vote":"down"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await VoteAsync(http, alice, "../x", unknownRun, """{"vote":"down"}""")).StatusCode);
    }

    [Fact]
    public async Task Votes_are_counted_by_specialist_and_vote_and_a_change_withdraws_the_old_one()
    {
        await using var factory = CreateFactory();
        var meters = factory.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var votes = new MetricCollector<long>(meters, ChatbotTelemetry.ServiceName, ChatbotMetrics.FeedbackVotes);
        using var retractions = new MetricCollector<long>(meters, ChatbotTelemetry.ServiceName, ChatbotMetrics.FeedbackRetractions);
        using var http = factory.CreateClient();
        var (alice, id) = (NewUser(), NewId());
        var knowledge = await AskAsync(http, "What is OPEX?", id, alice);
        var twoSpecialists = await StoreAnswerAsync(factory, alice, id, "portfolio, finance", incomplete: false);

        await VoteAsync(http, alice, id, knowledge, """{"vote":"up"}""");
        await VoteAsync(http, alice, id, knowledge, """{"vote":"down"}""");
        await VoteAsync(http, alice, id, knowledge, """{"vote":"down","comment":"only a new comment"}""");
        await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Delete, ChatbotRoutes.AnswerFeedback(id, knowledge)), alice));
        await VoteAsync(http, alice, id, twoSpecialists, """{"vote":"down"}""");

        Assert.Equal(["knowledge/up", "knowledge/down", "portfolio/down", "finance/down"], Tags(votes));
        Assert.Equal(["knowledge/up", "knowledge/down"], Tags(retractions));
    }

    protected sealed record User(string Id, string Tenant)
    {
        public string Owner => new AltecoContext { UserId = Id, TenantId = Tenant }.Owner;
    }

    private static User NewUser() => new($"u-{Guid.NewGuid():N}", "acme");

    private static string NewId() => $"conv-{Guid.NewGuid():N}";

    private static string[] Tags(MetricCollector<long> collector) =>
        [.. collector.GetMeasurementSnapshot().Select(measurement => $"{measurement.Tags["agent"]}/{measurement.Tags["vote"]}")];

    private static HttpRequestMessage As(HttpRequestMessage request, User user)
    {
        ChatbotClient.WithHeaders(request, CallerHeaders.User(user.Id), CallerHeaders.Field(IdentityHeaders.TenantId, user.Tenant));
        request.Headers.Remove(StreamHeaders.Stream);
        return request;
    }

    /// <summary>Asks in the conversation and returns the run id of its answer.</summary>
    private static async Task<string> AskAsync(HttpClient http, string question, string conversationId, User user)
    {
        (await http.SendAsync(As(ChatbotClient.AskRequest(question, conversationId), user))).EnsureSuccessStatusCode();
        return (await TurnsAsync(http, user, conversationId))[^1].RunId!;
    }

    /// <summary>An answer the team did not give here (stopped midway, or handed to two specialists), straight into memory.</summary>
    private static async Task<string> StoreAnswerAsync(ApiFactory factory, User user, string conversationId, string agent, bool incomplete)
    {
        var runId = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        await factory.Services.GetRequiredService<IConversationStore>().AppendAsync(new ConversationKey(user.Owner, conversationId),
            [
                new(ConversationTurn.User, "a question", now, RunId: runId),
                new(ConversationTurn.Assistant, "part of an answer", now, agent, runId, incomplete),
            ], CancellationToken.None);
        return runId;
    }

    private static Task<HttpResponseMessage> VoteAsync(HttpClient http, User user, string conversationId, string runId, string body) =>
        http.SendAsync(As(new HttpRequestMessage(HttpMethod.Put, ChatbotRoutes.AnswerFeedback(conversationId, runId))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        }, user));

    private static async Task<IReadOnlyList<TurnResponse>> TurnsAsync(HttpClient http, User user, string conversationId)
    {
        var response = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversation(conversationId)), user));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ConversationResponse>())!.Turns;
    }

    private static async Task<JsonElement[]> RawTurnsAsync(HttpClient http, User user, string conversationId)
    {
        var response = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversation(conversationId)), user));
        return [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("turns").EnumerateArray()];
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var named = problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Single().Name : problem.GetProperty("field").GetString();
        Assert.Equal(field, named);
    }
}
