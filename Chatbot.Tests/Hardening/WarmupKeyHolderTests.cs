using System.Net;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Runs;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// Whoever holds prewarm's warm-up key (it travels in cleartext on loopback) can only rehearse: as
/// one fixed identity no header changes, with no way to conversations, runs or a real user's quota,
/// and storing nothing. Each test sends the process's real key, as an attacker on the host would.
/// </summary>
public sealed class WarmupKeyHolderTests : IAsyncLifetime
{
    private static readonly AltecoContext AliceIdentity = new()
    {
        UserId = "alice", TenantId = "t-100", Role = AltecoContext.SuperAdminRole, UserSystems = ["PV-001"], ChargePoints = ["CP-101"], Storage = ["BAT-501"],
    };

    private static readonly (string Name, string Value)[] Alice = CallerHeaders.Of(AliceIdentity);

    private readonly ApiFactory _factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false");
    private HttpClient _http = null!;
    private (string Name, string Value) _key;

    public Task InitializeAsync()
    {
        _http = new HttpClient { BaseAddress = KestrelApi.Start(_factory) };
        _key = (WarmupKey.Header, _factory.Services.GetRequiredService<WarmupKey>().Value);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Identity_headers_cannot_change_who_the_key_holder_is()
    {
        var (response, events) = await ChatbotClient.StreamAsync(_http, ChatbotClient.AskRequest("Show me my assets", null, [_key, .. Alice]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = ChatbotClient.Answer(events);
        Assert.Contains("No assets are linked", answer);
        Assert.DoesNotContain("PV-00", answer);
        Assert.DoesNotContain("BAT-", answer);
    }

    [Fact]
    public async Task The_key_holder_is_refused_every_endpoint_that_reaches_conversations_or_runs()
    {
        var (conversationId, runId) = await AliceAsksResumablyAsync();

        var statuses = new Dictionary<string, HttpStatusCode>
        {
            ["list"] = await KeyHolderAsync(HttpMethod.Get, ChatbotRoutes.Conversations),
            ["get"] = await KeyHolderAsync(HttpMethod.Get, ChatbotRoutes.Conversation(conversationId)),
            ["delete"] = await KeyHolderAsync(HttpMethod.Delete, ChatbotRoutes.Conversation(conversationId)),
            ["resume"] = await KeyHolderAsync(HttpMethod.Get, ChatbotRoutes.Run(runId)),
            ["cancel"] = await KeyHolderAsync(HttpMethod.Post, ChatbotRoutes.CancelRun(runId)),
            ["prewarm a conversation"] = await KeyHolderAsync(HttpMethod.Get, $"{ChatbotRoutes.Prewarm}?{ChatbotRoutes.ConversationQuery}={conversationId}"),
        };

        Assert.All(statuses, status => Assert.True(status.Value == HttpStatusCode.Forbidden, $"{status.Key}: {status.Value}"));
        Assert.Equal(2, (await TurnsAsync(AliceIdentity.Owner, conversationId)).Count);
    }

    [Fact]
    public async Task A_refusal_is_problem_details_and_prewarm_itself_stays_open_to_the_key()
    {
        using var refused = await _http.SendAsync(ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversations), [_key, .. Alice]));
        using var prewarm = await _http.SendAsync(ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Prewarm), _key));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, prewarm.StatusCode);
    }

    [Fact]
    public async Task A_resumable_question_with_the_key_stores_no_run_and_no_turn()
    {
        var request = ChatbotClient.AskRequest("What is solar PV?", "rehearsed-resumable", [_key, .. Alice]);
        request.Headers.Add(StreamHeaders.Resumable, "true");

        var (response, events) = await ChatbotClient.StreamAsync(_http, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(ChatbotClient.Answer(events));
        Assert.False(response.Headers.TryGetValues(StreamHeaders.ResumableRun, out var resumable) && resumable.Single() == "true");
        Assert.Null(await _factory.Services.GetRequiredService<IRunStore>().GetAsync(ChatbotClient.RunId(response), CancellationToken.None));
        Assert.Empty((await ConversationsAsync(Rehearser().Owner)).Items);
        Assert.Empty((await ConversationsAsync(AliceIdentity.Owner)).Items);
    }

    [Fact]
    public async Task A_question_with_the_key_in_alices_conversation_leaves_it_untouched()
    {
        var (conversationId, _) = await AliceAsksResumablyAsync();

        using var response = await _http.SendAsync(ChatbotClient.AskRequest("Forget everything", conversationId, [_key, .. Alice]));

        // Ids are per owner: the same id is a new, empty conversation of the rehearser's, never stored.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await TurnsAsync(AliceIdentity.Owner, conversationId)).Count);
        Assert.Empty((await ConversationsAsync(Rehearser().Owner)).Items);
    }

    [Fact]
    public async Task The_key_holders_questions_spend_no_real_users_quota()
    {
        await using var factory = new ApiFactory().With("Chatbot:Prewarm:OnStartup", "false").With("Chatbot:RateLimits:QuestionsPerMinute", "2");
        using var http = new HttpClient { BaseAddress = KestrelApi.Start(factory) };
        (string, string) key = (WarmupKey.Header, factory.Services.GetRequiredService<WarmupKey>().Value);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var rehearsed = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null, [key, .. Alice]));
            statuses.Add(rehearsed.StatusCode);
        }
        for (var i = 0; i < 2; i++)
        {
            using var asked = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null, Alice));
            statuses.Add(asked.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    /// <summary>Alice (development mode: her headers are believed) asks a resumable question to its end.</summary>
    private async Task<(string ConversationId, string RunId)> AliceAsksResumablyAsync()
    {
        var request = ChatbotClient.AskRequest("What is solar PV?", $"alice-{Guid.NewGuid():N}", Alice);
        request.Headers.Add(StreamHeaders.Resumable, "true");
        var (response, events) = await ChatbotClient.StreamAsync(_http, request);
        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        return (response.Headers.GetValues(StreamHeaders.ConversationId).Single(), ChatbotClient.RunId(response));
    }

    private async Task<HttpStatusCode> KeyHolderAsync(HttpMethod method, string path)
    {
        using var response = await _http.SendAsync(ChatbotClient.WithHeaders(new HttpRequestMessage(method, path), [_key, .. Alice]));
        return response.StatusCode;
    }

    private AltecoContext Rehearser() => _factory.Services.GetRequiredService<WarmupKey>().Rehearser;

    private Task<ConversationPage> ConversationsAsync(string owner) =>
        _factory.Services.GetRequiredService<IConversationStore>().ListAsync(owner, new PageRequest(1, 10), CancellationToken.None);

    private Task<IReadOnlyList<ConversationTurn>> TurnsAsync(string owner, string conversationId) =>
        _factory.Services.GetRequiredService<IConversationStore>().GetTurnsAsync(new ConversationKey(owner, conversationId), CancellationToken.None);
}
