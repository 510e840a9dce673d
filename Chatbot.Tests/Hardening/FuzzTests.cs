using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Chatbot.ApiService;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// A few hundred deterministic hostile bodies: each gets a clean 4xx (or an answer when it is in
/// fact a valid question), never a 5xx; a rejected body stores nothing; a steady user asking in
/// between is answered throughout.
/// </summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private const int CaseCount = 300;
    private const int SteadyEvery = 20;
    private const string FuzzUser = "fuzzer";
    private const string SteadyUser = "steady";

    private readonly ApiFactory _api = new();
    private WebApplicationFactory<ApiServiceAssembly> _factory = null!;
    private RecordingConversationStore _store = null!;

    public Task InitializeAsync()
    {
        _factory = _api.With("Chatbot:Prewarm:OnStartup", "false").WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<IConversationStore>(provider =>
                new RecordingConversationStore(ActivatorUtilities.CreateInstance<InProcessConversationStore>(provider)))));
        _store = (RecordingConversationStore)_factory.Services.GetRequiredService<IConversationStore>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Mutated_bodies_get_a_clean_4xx_or_an_answer_never_a_5xx_and_rejected_ones_store_nothing()
    {
        using var http = _factory.CreateClient();
        var cases = BodyMutator.Cases(CaseCount);
        var flaws = new List<string>();
        var answered = new HashSet<ConversationKey>();
        var answers = 0;

        for (var index = 0; index < cases.Count; index++)
        {
            if (index % SteadyEvery == 0)
            {
                answered.Add(await AssertSteadyUserIsAnsweredAsync(http, index));
            }
            var fuzz = cases[index];
            var (status, contentType, body) = await PostAsync(http, fuzz.Body);
            var valid = QuestionOracle.IsValid(fuzz.Body);
            if (valid ? status != 200 : status is < 400 or > 499)
            {
                flaws.Add($"#{index} {fuzz}: {status} for a {(valid ? "valid" : "invalid")} body: {body}");
            }
            if (status == 200)
            {
                answers++;
                answered.Add(new ConversationKey(OwnerOf(FuzzUser), JsonSerializer.Deserialize<QuestionResponse>(body)!.ConversationId));
            }
            else
            {
                flaws.AddRange(ProblemShape.Flaw(status, contentType, body) is { } flaw ? [$"#{index} {fuzz}: {flaw}"] : []);
                if ((await _store.GetTurnsAsync(new ConversationKey(OwnerOf(FuzzUser), fuzz.ConversationId), CancellationToken.None)).Count > 0)
                {
                    flaws.Add($"#{index} {fuzz}: rejected with {status}, but turns were stored");
                }
            }
        }

        Assert.True(flaws.Count == 0, string.Join("\n", flaws));
        var appended = _store.Appended.ToHashSet();
        Assert.True(appended.SetEquals(answered),
            $"stored without an answer: {string.Join(", ", appended.Except(answered))}; answered but not stored: {string.Join(", ", answered.Except(appended))}");
        Assert.InRange(answers, 20, CaseCount / 2);
    }

    [Theory]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.UserName, "not base64!")]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.UserName, "////")]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.UserName, "=abc")]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.UserName, "/w==")]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.Systems, "[\"PV-001\"")]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.Systems, "{\"a\":1}")]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.Systems, "[\"\\ud800\"]")]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.ChargePoints, "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    [InlineData("x-alteco-user-storage", "1e999999")]
    [InlineData("alteco_user_groups", "null")]
    public async Task A_malformed_identity_header_is_ignored_with_a_warning_and_the_question_answered(string header, string value)
    {
        using var http = _factory.CreateClient();
        using var request = Ask("What is OPEX?", $"malformed-{header}-{value.Length}");
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.Content.ReadFromJsonAsync<QuestionResponse>())!.Answer);
        Assert.Contains(_api.Logs.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("Header alteco-user-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.UserId, 4_097)]
    [InlineData("X-ALTECO-USER-ID", 4_097)]
    [InlineData("alteco_user_systems", 4_097)]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.AccessToken, 16_385)]
    public async Task An_identity_header_over_the_limit_is_431_naming_it(string header, int length)
    {
        using var http = _factory.CreateClient();
        using var request = Ask("What is OPEX?", "oversize-header");
        request.Headers.TryAddWithoutValidation(header, new string('a', length));

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(header.ToLowerInvariant(), (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Empty(await _store.GetTurnsAsync(new ConversationKey(new AltecoContext().Owner, "oversize-header"), CancellationToken.None));
    }

    [Theory]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.LogId, 4_096)]
    [InlineData("x-alteco-access-token", 16_384)]
    public async Task An_identity_header_at_the_limit_is_accepted(string header, int length)
    {
        using var http = _factory.CreateClient();
        using var request = Ask("What is OPEX?", "header-at-limit");
        request.Headers.TryAddWithoutValidation(header, new string('a', length));

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.UserId, "a\u001b[31mb")]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.LogId, "forged\u0001line")]
    [InlineData("x-alteco-user-role", "superAdmin\u007f")]
    public async Task An_identity_header_with_a_control_character_is_400_naming_it(string header, string value)
    {
        using var http = _factory.CreateClient();
        using var request = Ask("What is OPEX?", "control-header");
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(header, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../etc/passwd")]
    [InlineData("%2e%2e%2fetc")]
    [InlineData("a%0A")]
    public async Task Prewarm_rejects_a_path_traversal_conversation_id(string id)
    {
        using var http = _factory.CreateClient();

        var response = await http.GetAsync($"{ChatbotRoutes.Prewarm}?conversation_id={Uri.EscapeDataString(id)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_10_MB_body_is_413(bool announceLength)
    {
        using var http = _factory.CreateClient();
        var body = new GeneratedBody(10 * 1024 * 1024, announceLength);
        using var content = new StreamContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (announceLength)
        {
            content.Headers.ContentLength = body.Length;
        }

        var response = await http.PostAsync(ChatbotRoutes.AskStream, content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Null(ProblemShape.Flaw(413, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()));
    }

    private async Task<ConversationKey> AssertSteadyUserIsAnsweredAsync(HttpClient http, int index)
    {
        var id = $"steady-{index}";
        using var request = Ask("How do solar panels work?", id);
        var response = await http.SendAsync(ChatbotClient.WithHeaders(request, CallerHeaders.User(SteadyUser)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the steady user was not answered after case {index}: {(int)response.StatusCode}");
        var key = new ConversationKey(OwnerOf(SteadyUser), id);
        Assert.Equal(2, (await _store.GetTurnsAsync(key, CancellationToken.None)).Count);
        return key;
    }

    private static async Task<(int Status, string? ContentType, string Body)> PostAsync(HttpClient http, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        ChatbotClient.WithHeaders(request, CallerHeaders.User(FuzzUser));
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static string OwnerOf(string user) => new AltecoContext { UserId = user }.Owner;

    private static HttpRequestMessage Ask(string question, string conversationId) => new(HttpMethod.Post, ChatbotRoutes.AskStream)
    {
        Content = new StringContent(BodyMutator.ValidJson(question, conversationId), Encoding.UTF8, "application/json"),
    };
}
