using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>The in-process OpenID Connect provider, driven over real HTTP through the whole code flow.</summary>
public sealed class OidcTestProviderTests : IAsyncLifetime
{
    private const string TenantClaim = "https://example.com/tenant";

    private static readonly OidcTestClient Client = new(
        "chatbot-web",
        "chatbot-web-secret",
        [new Uri("http://127.0.0.1:5999/signin-oidc")],
        [new Uri("http://127.0.0.1:5999/signout-callback-oidc")]);

    private static readonly OidcTestUser Alice = new("alice", "alice-pw", new Dictionary<string, string[]>
    {
        ["sub"] = ["alice-1"],
        ["name"] = ["Alice Example"],
        [TenantClaim] = ["t-100"],
        ["user_systems"] = ["PV-001", "PV-002"],
        ["storage"] = [],
    });

    private static readonly OidcTestUser Bob = new("bob", "bob-pw", new Dictionary<string, string[]>
    {
        ["sub"] = ["bob-2"],
        [TenantClaim] = ["t-200"],
    });

    private OidcTestProvider _provider = null!;
    private OidcHttpFlow _flow = null!;

    public async Task InitializeAsync()
    {
        _provider = await OidcTestProvider.StartAsync(Client, [Alice, Bob]);
        _flow = new OidcHttpFlow(_provider, Client);
    }

    public async Task DisposeAsync()
    {
        _flow.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Discovery_names_the_endpoints_and_the_issuer_is_the_authority()
    {
        using var discovery = await _flow.GetJsonAsync(".well-known/openid-configuration");
        var root = discovery.RootElement;

        Assert.Matches(@"^http://127\.0\.0\.1:\d+/$", _provider.Authority);
        Assert.Equal(_provider.Authority, root.GetProperty("issuer").GetString());
        Assert.Equal(_provider.Authority + "connect/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(_provider.Authority + "connect/token", root.GetProperty("token_endpoint").GetString());
        Assert.Equal(_provider.Authority + "connect/endsession", root.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(_provider.Authority + "connect/userinfo", root.GetProperty("userinfo_endpoint").GetString());
        Assert.Contains("S256", Strings(root.GetProperty("code_challenge_methods_supported")));
        Assert.Contains("chatbot", Strings(root.GetProperty("scopes_supported")));
    }

    [Fact]
    public async Task Code_flow_with_pkce_issues_signed_tokens_carrying_every_claim()
    {
        var page = await _flow.OpenLoginPageAsync("state-1");
        Assert.Contains("<h1>Test identity provider</h1>", page);
        Assert.Contains("<input name=\"username\"", page);
        Assert.Contains("<input name=\"password\" type=\"password\">", page);
        Assert.Contains("<button type=\"submit\">Sign in</button>", page);

        using var loggedIn = await _flow.SubmitLoginAsync(page, "alice", "alice-pw");
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        Assert.Equal("/connect/authorize", OidcHttpFlow.Resolve(loggedIn).AbsolutePath);
        var code = await _flow.FollowToCodeAsync(loggedIn, "state-1");
        using var tokens = await _flow.RedeemCodeAsync(code);

        var keys = (await _flow.GetJwksAsync()).GetSigningKeys();
        var access = await ValidateAsync(tokens, "access_token", OidcTestProvider.ApiAudience, keys);
        var identity = await ValidateAsync(tokens, "id_token", Client.ClientId, keys);
        AssertAliceClaims(access);
        AssertAliceClaims(identity);
        Assert.True(tokens.RootElement.TryGetProperty("refresh_token", out _));
        Assert.Equal(["alice"], _provider.SignIns);
    }

    [Fact]
    public async Task Access_token_signature_is_checked_against_the_provider_keys_only()
    {
        using var tokens = await _flow.RedeemCodeAsync(await _flow.SignInAsync("alice", "alice-pw"));
        using var strangerRsa = System.Security.Cryptography.RSA.Create(2048);
        var stranger = new RsaSecurityKey(strangerRsa) { KeyId = "stranger" };

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(
            tokens.RootElement.GetProperty("access_token").GetString(),
            Parameters(OidcTestProvider.ApiAudience, [stranger]));

        Assert.False(result.IsValid);
    }

    [Fact]
    public async Task Userinfo_returns_the_same_claims()
    {
        using var tokens = await _flow.RedeemCodeAsync(await _flow.SignInAsync("alice", "alice-pw"));

        using var userInfo = await _flow.GetUserInfoAsync(tokens.RootElement.GetProperty("access_token").GetString()!);

        AssertAliceClaims(userInfo.RootElement);
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_and_issues_no_code()
    {
        var page = await _flow.OpenLoginPageAsync("state-2");

        using var rejected = await _flow.SubmitLoginAsync(page, "alice", "not-the-password");

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Contains("<p class=\"error\">Wrong user name or password</p>", await rejected.Content.ReadAsStringAsync());
        await _flow.OpenLoginPageAsync("state-3");
        Assert.Empty(_provider.SignIns);
    }

    [Fact]
    public async Task End_session_clears_the_provider_login_so_another_user_can_sign_in()
    {
        using var tokens = await _flow.RedeemCodeAsync(await _flow.SignInAsync("alice", "alice-pw"));
        using var signedIn = await _flow.GetAsync(_flow.AuthorizeUrl("still-signed-in"));
        Assert.StartsWith(_flow.RedirectUri.AbsoluteUri, OidcHttpFlow.Resolve(signedIn).AbsoluteUri);

        using var signOut = await _flow.GetAsync(_flow.At(
            "connect/endsession?state=bye&post_logout_redirect_uri=" + Uri.EscapeDataString(Client.PostLogoutRedirectUris[0].AbsoluteUri)
            + "&id_token_hint=" + tokens.RootElement.GetProperty("id_token").GetString()));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(Client.PostLogoutRedirectUris[0].AbsoluteUri + "?state=bye", OidcHttpFlow.Resolve(signOut).AbsoluteUri);
        await _flow.OpenLoginPageAsync("after-sign-out");
        await _flow.SignInAsync("bob", "bob-pw");
        Assert.Equal(["alice", "alice", "bob"], _provider.SignIns);
    }

    [Fact]
    public async Task Stopped_provider_refuses_connections_and_comes_back_with_the_same_keys()
    {
        using var tokens = await _flow.RedeemCodeAsync(await _flow.SignInAsync("alice", "alice-pw"));
        var keyIds = KeyIds(await _flow.GetJwksAsync());

        await _provider.StopAsync();
        await Assert.ThrowsAsync<HttpRequestException>(() => _flow.GetJsonAsync(".well-known/openid-configuration"));
        await _provider.StartAgainAsync();

        using var discovery = await _flow.GetJsonAsync(".well-known/openid-configuration");
        Assert.Equal(_provider.Authority, discovery.RootElement.GetProperty("issuer").GetString());
        var jwks = await _flow.GetJwksAsync();
        Assert.Equal(keyIds, KeyIds(jwks));
        await ValidateAsync(tokens, "access_token", OidcTestProvider.ApiAudience, jwks.GetSigningKeys());
        using var refreshed = await _flow.RefreshAsync(tokens.RootElement.GetProperty("refresh_token").GetString()!);
        AssertAliceClaims(await ValidateAsync(refreshed, "access_token", OidcTestProvider.ApiAudience, jwks.GetSigningKeys()));
    }

    private async Task<JsonElement> ValidateAsync(JsonDocument tokens, string name, string audience, IList<SecurityKey> keys)
    {
        var token = tokens.RootElement.GetProperty(name).GetString();
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters(audience, keys));
        Assert.True(result.IsValid, $"{name} did not validate: {result.Exception}");
        var payload = Base64UrlEncoder.DecodeBytes(((JsonWebToken)result.SecurityToken).EncodedPayload);
        return JsonDocument.Parse(payload).RootElement.Clone();
    }

    private TokenValidationParameters Parameters(string audience, IList<SecurityKey> keys) => new()
    {
        ValidIssuer = _provider.Authority,
        ValidAudience = audience,
        IssuerSigningKeys = keys,
        // OpenIddict types access tokens "at+jwt"; identity tokens are plain "JWT".
        ValidTypes = ["at+jwt", "JWT"],
    };

    private static void AssertAliceClaims(JsonElement claims)
    {
        Assert.Equal("alice-1", claims.GetProperty("sub").GetString());
        Assert.Equal("Alice Example", claims.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, claims.GetProperty(TenantClaim).ValueKind);
        Assert.Equal("t-100", claims.GetProperty(TenantClaim).GetString());
        Assert.Equal(JsonValueKind.Array, claims.GetProperty("user_systems").ValueKind);
        Assert.Equal(["PV-001", "PV-002"], Strings(claims.GetProperty("user_systems")));
        Assert.False(claims.TryGetProperty("storage", out _));
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    private static string[] KeyIds(JsonWebKeySet jwks) => [.. jwks.Keys.Select(key => key.Kid).Order()];
}
