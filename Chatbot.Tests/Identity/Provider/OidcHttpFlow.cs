using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>
/// Drives the provider like a browser plus a confidential client would, with a cookie jar and no automatic
/// redirects, so every hop of the authorization code flow is visible to the test.
/// </summary>
internal sealed partial class OidcHttpFlow(OidcTestProvider provider, OidcTestClient client) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
    private readonly string _codeVerifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public Uri RedirectUri => client.RedirectUris[0];

    public Uri At(string relative) => new(new Uri(provider.Authority), relative);

    public Task<HttpResponseMessage> GetAsync(Uri url) => _http.GetAsync(url);

    public async Task<JsonDocument> GetJsonAsync(string relative) =>
        JsonDocument.Parse(await _http.GetStringAsync(At(relative)));

    public Uri AuthorizeUrl(string state) => new(QueryHelpers.AddQueryString(At("connect/authorize").AbsoluteUri,
        new Dictionary<string, string?>
        {
            ["client_id"] = client.ClientId,
            ["redirect_uri"] = RedirectUri.AbsoluteUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile offline_access chatbot",
            ["state"] = state,
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(_codeVerifier))),
            ["code_challenge_method"] = "S256",
        }));

    /// <summary>GET authorize while signed out: must land on the login page; returns its HTML.</summary>
    public async Task<string> OpenLoginPageAsync(string state)
    {
        using var authorize = await _http.GetAsync(AuthorizeUrl(state));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var login = Resolve(authorize);
        Assert.Equal("/account/login", login.AbsolutePath);
        using var page = await _http.GetAsync(login);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await page.Content.ReadAsStringAsync();
    }

    public async Task<HttpResponseMessage> SubmitLoginAsync(string loginPage, string userName, string password) =>
        await _http.PostAsync(At("account/login"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrlField().Match(loginPage).Groups[1].Value),
            ["username"] = userName,
            ["password"] = password,
        }));

    /// <summary>Follows a redirect to authorize and expects the code to come back to the client's redirect URI.</summary>
    public async Task<string> FollowToCodeAsync(HttpResponseMessage toAuthorize, string expectedState)
    {
        using var callback = await _http.GetAsync(Resolve(toAuthorize));
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var location = Resolve(callback);
        Assert.Equal(RedirectUri.GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(expectedState, query["state"].ToString());
        return Assert.Single(query["code"].ToArray())!;
    }

    public async Task<string> SignInAsync(string userName, string password)
    {
        var state = Guid.NewGuid().ToString("N");
        var page = await OpenLoginPageAsync(state);
        using var loggedIn = await SubmitLoginAsync(page, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        return await FollowToCodeAsync(loggedIn, state);
    }

    public Task<JsonDocument> RedeemCodeAsync(string code) => PostTokenAsync(new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = RedirectUri.AbsoluteUri,
        ["code_verifier"] = _codeVerifier,
    });

    public Task<JsonDocument> RefreshAsync(string refreshToken) => PostTokenAsync(new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
    });

    public async Task<JsonDocument> GetUserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, At("connect/userinfo"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task<JsonWebKeySet> GetJwksAsync()
    {
        using var discovery = await GetJsonAsync(".well-known/openid-configuration");
        return new JsonWebKeySet(await _http.GetStringAsync(discovery.RootElement.GetProperty("jwks_uri").GetString()));
    }

    public static Uri Resolve(HttpResponseMessage redirect)
    {
        var location = redirect.Headers.Location ?? throw new InvalidOperationException($"No Location header ({redirect.StatusCode}).");
        return location.IsAbsoluteUri ? location : new Uri(redirect.RequestMessage!.RequestUri!, location);
    }

    public void Dispose() => _http.Dispose();

    // client_secret_post: the credentials travel in the form.
    private async Task<JsonDocument> PostTokenAsync(Dictionary<string, string> form)
    {
        form["client_id"] = client.ClientId;
        form["client_secret"] = client.ClientSecret;
        using var response = await _http.PostAsync(At("connect/token"), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token endpoint answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body);
    }

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
