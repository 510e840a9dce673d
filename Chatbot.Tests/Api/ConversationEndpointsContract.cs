using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Api;

/// <summary>
/// <c>/conversations</c> and the ownership rule over HTTP, run on the embedded store and on a
/// real Redis: conversation ids are per owner (tenant and user), so an id another owner uses is,
/// to everyone else, exactly a free id: asking starts their own conversation, reading and
/// deleting find nothing.
/// </summary>
public abstract partial class ConversationEndpointsContract
{
    protected abstract ApiFactory CreateFactory();

    [Fact]
    public async Task My_conversations_are_listed_newest_first_with_the_first_question_as_title()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var user = NewUser();
        var first = NewId();
        var second = NewId();
        await AskAsync(http, "What is OPEX?", first, user);
        await AskAsync(http, "What is LCOE?", second, user);
        await AskAsync(http, "And CAPEX?", first, user);
        await AskAsync(http, "Someone else's question", NewId(), NewUser());

        var page = await GetAsync<ConversationListResponse>(http, $"{ChatbotRoutes.Conversations}?page=1&page_size=1", user);
        var all = await GetAsync<ConversationListResponse>(http, ChatbotRoutes.Conversations, user);

        Assert.Equal((1, 1, 2L), (page.Page, page.PageSize, page.Total));
        var items = all.Items;
        Assert.Equal([first, second], items.Select(item => item.ConversationId));
        Assert.Equal(("What is OPEX?", 4L), (items[0].Title, items[0].Turns));
        Assert.True(items[0].UpdatedAt >= items[1].UpdatedAt);
        Assert.Equal(first, page.Items[0].ConversationId);
    }

    [Fact]
    public async Task A_conversation_reads_back_its_turns()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var user = NewUser();
        var id = NewId();
        var answer = await AskAsync(http, "What is OPEX?", id, user);

        var conversation = await GetAsync<ConversationResponse>(http, ChatbotRoutes.Conversation(id), user);

        Assert.Equal(id, conversation.ConversationId);
        var turns = conversation.Turns;
        Assert.Equal([TurnResponse.UserRole, TurnResponse.AssistantRole], turns.Select(turn => turn.Role));
        Assert.Equal(["What is OPEX?", answer], turns.Select(turn => turn.Content));
        Assert.Equal("knowledge", turns[1].Agent);
        Assert.False(string.IsNullOrEmpty(turns[1].RunId));
        Assert.False(turns[1].Incomplete);
    }

    [Fact]
    public async Task Asking_in_another_users_conversation_id_starts_my_own_and_leaves_theirs()
    {
        var model = new RecordingChatClient();
        await using var factory = CreateFactory().WithModel(model);
        using var http = factory.CreateClient();
        var (alice, bob) = (NewUser(), NewUser());
        var id = NewId();
        await AskAsync(http, PaybackQuestion, id, alice);
        var alicesBefore = await GetAsync<ConversationResponse>(http, ChatbotRoutes.Conversation(id), alice);

        var inAlicesId = await AskAsync(http, PaybackFollowUp, id, bob);
        var inAFreeId = await AskAsync(http, PaybackFollowUp, NewId(), bob);

        Assert.Equal(inAFreeId, inAlicesId);
        Assert.DoesNotContain(model.Calls, call => call.Any(message => message.Text == PaybackFollowUp) && call.Any(message => message.Text.Contains(PaybackQuestion)));
        var bobs = await GetAsync<ConversationResponse>(http, ChatbotRoutes.Conversation(id), bob);
        Assert.Equal([PaybackFollowUp, inAlicesId], bobs.Turns.Select(turn => turn.Content));
        var alicesAfter = await GetAsync<ConversationResponse>(http, ChatbotRoutes.Conversation(id), alice);
        Assert.Equal(alicesBefore.Turns.Select(turn => turn.Content), alicesAfter.Turns.Select(turn => turn.Content));
        var alicesList = Assert.Single((await GetAsync<ConversationListResponse>(http, ChatbotRoutes.Conversations, alice)).Items);
        Assert.Equal((id, PaybackQuestion, 2L), (alicesList.ConversationId, alicesList.Title, alicesList.Turns));
    }

    /// <summary>Any difference (a status, a header, a different stream) would tell bob the id is in use.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Asking_in_another_users_conversation_id_answers_exactly_as_a_free_id(bool streaming)
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (alice, bob) = (NewUser(), NewUser());
        var id = NewId();
        await AskAsync(http, "What is OPEX?", id, alice);

        var taken = await ShapeOfAskAsync(http, id, bob, streaming);
        var free = await ShapeOfAskAsync(http, NewId(), bob, streaming);

        Assert.Equal(HttpStatusCode.OK, taken.Status);
        Assert.Equal(free, taken);
    }

    [Fact]
    public async Task Another_users_conversation_id_reads_and_deletes_exactly_as_a_free_id()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (alice, bob) = (NewUser(), NewUser());
        var (id, freeId) = (NewId(), NewId());
        await AskAsync(http, "What is OPEX?", id, alice);

        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Delete })
        {
            var taken = await ShapeOfAsync(http, As(new HttpRequestMessage(method, ChatbotRoutes.Conversation(id)), bob), id);
            var free = await ShapeOfAsync(http, As(new HttpRequestMessage(method, ChatbotRoutes.Conversation(freeId)), bob), freeId);

            Assert.Equal(HttpStatusCode.NotFound, taken.Status);
            Assert.Equal(free, taken);
        }
        Assert.Equal(2, (await GetAsync<ConversationResponse>(http, ChatbotRoutes.Conversation(id), alice)).Turns.Count);
    }

    [Fact]
    public async Task Another_tenant_with_the_same_user_id_is_another_owner()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var user = NewUser();
        var id = NewId();
        await AskAsync(http, "What is OPEX?", id, user);

        var read = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversation(id)), user with { Tenant = "other-tenant" }));

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task Delete_removes_the_conversation_and_frees_its_id()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var user = NewUser();
        var id = NewId();
        await AskAsync(http, "What is OPEX?", id, user);

        var deleted = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Delete, ChatbotRoutes.Conversation(id)), user));
        var read = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversation(id)), user));
        var again = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Delete, ChatbotRoutes.Conversation(id)), user));
        var list = await GetAsync<ConversationListResponse>(http, ChatbotRoutes.Conversations, user);
        var reused = await http.SendAsync(As(ChatbotClient.AskRequest("What is LCOE?", id), NewUser()));

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (deleted.StatusCode, read.StatusCode, again.StatusCode));
        Assert.Equal(0, list.Total);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
    }

    [Fact]
    public async Task Without_identity_every_caller_is_the_one_anonymous_owner()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var id = NewId();
        await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest("What is OPEX?", id));

        var anonymous = await http.GetAsync(ChatbotRoutes.Conversation(id));
        var identified = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversation(id)), NewUser()));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound), (anonymous.StatusCode, identified.StatusCode));
    }

    [Fact]
    public async Task A_follow_up_question_is_answered_from_the_previous_answer()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var user = NewUser();
        var id = NewId();
        await AskAsync(http, "What is the payback of a 100000 EUR investment saving 15000 EUR a year?", id, user);

        var followUp = await AskAsync(http, "And if it saves 20000 a year?", id, user);

        Assert.Contains("Payback: 5.0 years (CAPEX 100,000 EUR, net annual saving 20,000 EUR)", followUp);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page_size=0")]
    [InlineData("page_size=101")]
    public async Task A_bad_page_is_a_400_problem(string query)
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();

        var response = await http.GetAsync($"{ChatbotRoutes.Conversations}?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    protected sealed record User(string Id, string Tenant);

    /// <summary>What a caller can tell a response by: status, header names, content type, and the body or the stream's event types.</summary>
    private sealed record Shape(HttpStatusCode Status, string Headers, string? ContentType, string Body);

    private const string PaybackQuestion = "What is the payback of a 100000 EUR investment saving 15000 EUR a year?";

    /// <summary>Answered from the previous turn when there is one, so an answer shows whose history it saw.</summary>
    private const string PaybackFollowUp = "And if it saves 20000 a year?";

    private static User NewUser() => new($"u-{Guid.NewGuid():N}", "acme");

    private static string NewId() => $"conv-{Guid.NewGuid():N}";

    private static HttpRequestMessage As(HttpRequestMessage request, User user)
    {
        ChatbotClient.WithHeaders(request, CallerHeaders.User(user.Id), CallerHeaders.Field(IdentityHeaders.TenantId, user.Tenant));
        request.Headers.Remove(StreamHeaders.Stream);
        return request;
    }

    private static async Task<string> AskAsync(HttpClient http, string question, string conversationId, User user)
    {
        var response = await http.SendAsync(As(ChatbotClient.AskRequest(question, conversationId), user));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<QuestionResponse>())!.Answer;
    }

    private static async Task<Shape> ShapeOfAskAsync(HttpClient http, string conversationId, User user, bool streaming)
    {
        var request = As(ChatbotClient.AskRequest("What is LCOE?", conversationId), user);
        if (!streaming)
        {
            return await ShapeOfAsync(http, request, conversationId);
        }
        request.Headers.Add(StreamHeaders.Stream, "true");
        var (response, events) = await ChatbotClient.StreamAsync(http, request);
        return ShapeOf(response, string.Join(",", events.Select(streamEvent => streamEvent.Type)));
    }

    /// <summary>The body with the id asked for and the trace id left out: those differ between any two requests.</summary>
    private static async Task<Shape> ShapeOfAsync(HttpClient http, HttpRequestMessage request, string conversationId)
    {
        var response = await http.SendAsync(request);
        var body = TraceId().Replace(await response.Content.ReadAsStringAsync(), "").Replace(conversationId, "{id}");
        return ShapeOf(response, body);
    }

    private static Shape ShapeOf(HttpResponseMessage response, string body) => new(
        response.StatusCode,
        string.Join(",", response.Headers.Concat(response.Content.Headers).Select(header => header.Key.ToLowerInvariant()).Order()),
        response.Content.Headers.ContentType?.ToString(),
        body);

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();

    private static async Task<T> GetAsync<T>(HttpClient http, string path, User user)
    {
        var response = await http.SendAsync(As(new HttpRequestMessage(HttpMethod.Get, path), user));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
