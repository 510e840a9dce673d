using System.Security.Claims;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Portfolio.Support;

namespace Chatbot.Tests.Portfolio;

/// <summary>
/// The platform's asset API is called with the asking user's own token and nothing else: no
/// identity headers, no gateway secret, no cookies, and the token in no log line.
/// </summary>
public sealed class PlatformOnBehalfTests : FakePlatformTest
{
    /// <summary>What a request of ours may carry: the host, the user's token, and trace context.</summary>
    private static readonly string[] AllowedHeaders = ["Host", "Authorization", "traceparent", "tracestate"];

    [Fact]
    public async Task The_users_token_reaches_the_platform_and_nothing_else_of_theirs_or_ours()
    {
        await using var api = PortfolioApi.Over(Platform).With("Logging:LogLevel:Default", "Trace");
        using var http = api.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null,
            [.. PortfolioApi.Headers(PortfolioApi.Hamburg), ("Cookie", "session=browser-cookie-1")]));

        Assert.Contains("**PV-001** Warehouse roof Nord", ChatbotClient.Answer(events));
        var call = Assert.Single(Platform.UserCalls);
        Assert.Equal($"Bearer {PortfolioApi.Token}", call["Authorization"]);
        Assert.All(call.Keys, name => Assert.Contains(name, AllowedHeaders, StringComparer.OrdinalIgnoreCase));
        Assert.DoesNotContain(call.Values, value => value.Contains(PortfolioApi.GatewaySecret) || value.Contains("u-100") || value.Contains("browser-cookie"));
        Assert.DoesNotContain(PortfolioApi.Token, api.Logs.All);
    }

    [Fact]
    public async Task In_jwt_mode_the_callers_own_bearer_token_goes_to_the_platform()
    {
        await using var api = TestTokens.JwtApi().With("Chatbot:Portfolio:BaseAddress", Platform.BaseAddress);
        using var http = api.CreateClient();
        var token = TestTokens.Create(new Claim("sub", "u-100"), new Claim("tenant_id", "t-100"), new Claim("user_systems", "PV-001"));

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is the status of PV-001?", null, ("Authorization", $"Bearer {token}")));

        Assert.Contains("**PV-001** Warehouse roof Nord", ChatbotClient.Answer(events));
        Assert.Equal($"Bearer {token}", Assert.Single(Platform.UserCalls)["Authorization"]);
    }

    [Fact]
    public async Task A_cookie_the_platform_sets_for_one_user_never_goes_out_with_the_next()
    {
        Platform.SetCookie = "platform-session=of-u-100; Path=/";
        await using var api = PortfolioApi.Over(Platform).With("Chatbot:Portfolio:CacheFor", "00:00:00");
        using var http = api.CreateClient();

        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null, PortfolioApi.Headers(PortfolioApi.Hamburg)));
        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null,
            PortfolioApi.Headers(PortfolioApi.Hamburg with { UserId = "u-101" }, "platform-token-of-u-101")));

        Assert.Equal(2, Platform.UserCalls.Count);
        Assert.All(Platform.Requests, request => Assert.False(request.ContainsKey("Cookie"), string.Join(", ", request.Keys)));
    }

    [Fact]
    public async Task Without_a_platform_token_the_platform_is_not_called_and_the_answer_says_why()
    {
        await using var api = PortfolioApi.Over(Platform);
        using var http = api.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null, PortfolioApi.Headers(PortfolioApi.Hamburg, token: null)));

        Assert.Contains("needs a signed-in platform user", ChatbotClient.Answer(events));
        Assert.Contains(events, e => e.Type == StreamEventTypes.Complete);
        Assert.Empty(Platform.UserCalls);
    }
}
