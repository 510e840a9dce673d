using System.Net;
using System.Security.Claims;
using System.Text.Json;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.LocalServers;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Browser;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// The API-side findings of the production identity review, each as it was reproduced: every one
/// of these passed the attack before the API moved to ASP.NET Core authentication.
/// </summary>
public sealed class IdentityRegressionTests
{
    private const string Secret = "gateway-secret-0123456789";
    private const string StorageQuestion = "How is my battery storage doing?";

    private static ApiFactory Gateway() => new ApiFactory().With("Chatbot:Auth:Mode", "gateway").With("Chatbot:Auth:GatewaySecret", Secret);

    [Fact]
    public async Task A_forwarded_for_header_naming_a_trusted_proxy_does_not_make_a_caller_the_proxy()
    {
        await using var api = await ServiceProcess.StartAsync("Chatbot.ApiService", FreePort.Next(), new Dictionary<string, string>
        {
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
            ["Chatbot__Auth__Mode"] = "gateway",
            ["Chatbot__Auth__TrustedProxies__0"] = "10.20.30.40",
            ["Chatbot__Auth__GatewaySecret"] = Secret,
        });
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };

        var spoofed = await http.SendAsync(Conversations(("X-Forwarded-For", "10.20.30.40"), CallerHeaders.User("alice")));
        var proven = await http.SendAsync(Conversations(CallerHeaders.GatewaySecret(Secret), CallerHeaders.User("alice")));

        Assert.Equal(HttpStatusCode.Unauthorized, spoofed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proven.StatusCode);
    }

    [Fact]
    public async Task In_jwt_mode_the_question_limit_holds_per_token_whatever_identity_headers_say()
    {
        await using var factory = TestTokens.JwtApi().With("Chatbot:RateLimits:QuestionsPerMinute", "2");
        using var http = factory.CreateClient();
        var token = TestTokens.Create(new Claim("sub", "u-jwt"), new Claim("tenant_id", "t-100"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null,
                ("Authorization", $"Bearer {token}"), CallerHeaders.User($"someone-{i}"), ("X-Forwarded-For", $"198.51.100.{i}")));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task In_jwt_mode_the_open_stream_limit_holds_per_token_whatever_identity_headers_say()
    {
        var model = new RecordingChatClient { FirstTokenGate = new(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var factory = TestTokens.JwtApi().WithModel(model).With("Chatbot:RateLimits:ConcurrentStreamsPerUser", "1");
        using var http = factory.CreateClient();
        var bearer = ("Authorization", $"Bearer {TestTokens.Create(new Claim("sub", "u-jwt"))}");

        using var first = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null, bearer, CallerHeaders.User("a")), HttpCompletionOption.ResponseHeadersRead);
        using var second = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null, bearer, CallerHeaders.User("b")), HttpCompletionOption.ResponseHeadersRead);
        model.FirstTokenGate.SetResult();
        await first.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode));
    }

    [Fact]
    public async Task Unproven_requests_naming_a_user_spend_none_of_that_users_quota()
    {
        await using var factory = Gateway().With("Chatbot:RateLimits:QuestionsPerMinute", "2");
        using var http = factory.CreateClient();

        for (var i = 0; i < 30; i++)
        {
            using var forged = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null, CallerHeaders.User("bob")));
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        }
        using var real = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null, CallerHeaders.User("bob"), CallerHeaders.GatewaySecret(Secret)));

        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
    }

    [Theory]
    [InlineData("ALTECO_USER_ID", "real-user", IdentityHeaders.Prefix + IdentityHeaders.UserId, "victim-77", IdentityHeaders.Prefix + IdentityHeaders.UserId)]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.Role, "user", "x-alteco-user-role", "superAdmin", IdentityHeaders.Prefix + IdentityHeaders.Role)]
    [InlineData(IdentityHeaders.Prefix + IdentityHeaders.TenantId, "t-100", "alteco_user_tenant_id", "t-200", IdentityHeaders.Prefix + IdentityHeaders.TenantId)]
    public async Task A_second_spelling_of_an_identity_field_with_another_value_is_refused(
        string gatewayHeader, string gatewayValue, string addedHeader, string addedValue, string field)
    {
        await using var factory = Gateway();
        using var http = factory.CreateClient();

        using var response = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", null,
            CallerHeaders.GatewaySecret(Secret), ("ALTECO_USER_ID", "real-user"), (gatewayHeader, gatewayValue), (addedHeader, addedValue)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
        Assert.Empty(await ConversationsOf(factory, "victim-77"));
    }

    [Fact]
    public async Task Tenant_and_user_pairs_that_read_alike_are_different_owners()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();

        using var asked = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?", "slash-1", Owner("t/x", "y")));
        await asked.Content.ReadAsStringAsync();
        var other = await http.SendAsync(Conversations(Owner("t", "x/y"), ChatbotRoutes.Conversation("slash-1")));
        var owner = await http.SendAsync(Conversations(Owner("t/x", "y"), ChatbotRoutes.Conversation("slash-1")));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.OK), (other.StatusCode, owner.StatusCode));
    }

    [Fact]
    public async Task An_asset_of_another_tenant_is_not_shown_even_when_the_identity_lists_it()
    {
        await using var factory = new ApiFactory();
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(StorageQuestion, null,
            CallerHeaders.Of(new AltecoContext { UserId = "u-100", TenantId = "t-100", Storage = ["BAT-501", "BAT-601"] })));

        var answer = ChatbotClient.Answer(events);
        Assert.Contains("BAT-501", answer);
        Assert.DoesNotContain("BAT-601", answer);
    }

    private static HttpRequestMessage Conversations(params (string Name, string Value)[] headers) => Conversations(headers, ChatbotRoutes.Conversations);

    private static HttpRequestMessage Conversations((string Name, string Value)[] headers, string path) =>
        ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, path), headers);

    private static (string Name, string Value)[] Owner(string tenant, string user) =>
        [CallerHeaders.Field(IdentityHeaders.TenantId, tenant), CallerHeaders.User(user)];

    private static async Task<IReadOnlyList<ConversationSummary>> ConversationsOf(ApiFactory factory, string user) =>
        (await factory.Services.GetRequiredService<IConversationStore>()
            .ListAsync(new AltecoContext { UserId = user }.Owner, new PageRequest(1, 10), CancellationToken.None)).Items;
}
