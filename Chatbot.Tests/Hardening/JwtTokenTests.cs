using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Chatbot.Contracts.Api;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;
using Chatbot.Tests.Identity.Provider;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// Which bearer tokens an API in jwt mode takes: access tokens issued for its own audience, at most
/// 30 s past their expiry; never an id token, nor a token issued for another application. Tokens
/// from the real test identity provider, and HS256 tokens for the shapes it does not issue.
/// </summary>
public sealed class JwtTokenTests(TokenProvider provider) : IClassFixture<TokenProvider>
{
    [Fact]
    public async Task The_users_id_token_is_refused_even_when_it_is_issued_for_the_apis_audience()
    {
        await using var api = provider.Api(OidcTestProvider.ApiAudience);
        using var http = api.CreateClient();
        var alice = await provider.SignInAsync(TokenProvider.ApiRegistration);

        var idToken = new JsonWebToken(alice.IdToken);
        Assert.Equal(OidcTestProvider.ApiAudience, Assert.Single(idToken.Audiences));
        Assert.Equal("JWT", idToken.Typ);
        Assert.True(idToken.TryGetClaim("nonce", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, alice.IdToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, alice.AccessToken));
    }

    [Fact]
    public async Task Tokens_issued_for_another_audience_are_refused()
    {
        await using var api = provider.Api(OidcTestProvider.ApiAudience);
        using var http = api.CreateClient();
        var atOtherApplication = await provider.SignInAsync(TokenProvider.OtherApplication);
        var atWeb = await provider.SignInAsync(TokenProvider.Web);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, atOtherApplication.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, atOtherApplication.IdToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(http, atWeb.IdToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, atWeb.AccessToken));
    }

    [Fact]
    public async Task The_providers_access_token_typed_at_jwt_for_the_apis_audience_is_the_users_identity()
    {
        await using var api = provider.Api(OidcTestProvider.ApiAudience);
        using var http = api.CreateClient();
        var alice = await provider.SignInAsync(TokenProvider.Web);

        var (ask, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("How are my systems?", null, ("Authorization", $"Bearer {alice.AccessToken}")));

        Assert.Equal("at+jwt", new JsonWebToken(alice.AccessToken).Typ);
        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        Assert.Contains("**PV-001**", ChatbotClient.Answer(events));
    }

    [Theory]
    [InlineData("nonce", "n-0S6_WzA2Mj")]
    [InlineData("at_hash", "77QmUPtjPfzWtF2AnpK9RQ")]
    [InlineData("c_hash", "LDktKdoQak3Pk0cnXxCltA")]
    [InlineData("typ", "ID")]
    public async Task A_token_that_carries_what_only_id_tokens_carry_is_refused(string claim, string value)
    {
        await using var api = TestTokens.JwtApi();
        using var http = api.CreateClient();

        var status = await StatusAsync(http, TestTokens.Create(new Claim("sub", "u-1"), new Claim(claim, value)));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("at+jwt", "nonce", "n-0S6_WzA2Mj")]
    [InlineData("application/at+jwt", "at_hash", "77QmUPtjPfzWtF2AnpK9RQ")]
    [InlineData("JWT", "typ", "Bearer")]
    public async Task An_access_token_is_taken_and_its_at_jwt_type_outweighs_id_token_claims(string type, string claim, string value)
    {
        await using var api = TestTokens.JwtApi();
        using var http = api.CreateClient();

        var status = await StatusAsync(http, TestTokens.Typed(type, new Claim("sub", "u-1"), new Claim(claim, value)));

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData(-60, HttpStatusCode.Unauthorized)]
    [InlineData(-10, HttpStatusCode.OK)]
    public async Task A_token_is_taken_at_most_30_seconds_past_its_expiry(int expiresInSeconds, HttpStatusCode expected)
    {
        await using var api = TestTokens.JwtApi();
        using var http = api.CreateClient();
        var token = TestTokens.Create(DateTime.UtcNow.AddSeconds(expiresInSeconds), TestTokens.SigningKey, new Claim("sub", "u-1"));

        Assert.Equal(expected, await StatusAsync(http, token));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversations);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
