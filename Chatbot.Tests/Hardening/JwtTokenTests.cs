using System.Net;
using System.Net.Http.Headers;
using Chatbot.Contracts.Api;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;
using Chatbot.Tests.Identity.Provider;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// Which bearer tokens an API in jwt mode takes: tokens issued for its own audience, never a token
/// issued for another application. Tokens from the real test identity provider.
/// </summary>
public sealed class JwtTokenTests(TokenProvider provider) : IClassFixture<TokenProvider>
{
    [Fact]
    public async Task Tokens_issued_for_another_audience_are_refused()
    {
        await using var api = provider.Api(OidcTestProvider.ApiAudience);
        var atOtherApplication = await provider.SignInAsync(TokenProvider.OtherApplication);
        var atWeb = await provider.SignInAsync(TokenProvider.Web);

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(api, atOtherApplication.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(api, atOtherApplication.IdToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(api, atWeb.IdToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(api, atWeb.AccessToken));
    }

    private static async Task<HttpStatusCode> StatusAsync(ApiFactory api, string token)
    {
        using var http = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversations);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
