using System.Text.Json;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Identity.Provider;

namespace Chatbot.Tests.Hardening.Support;

/// <summary>
/// The real test identity provider, shared by a test class, with three clients that sign Alice in:
/// the chatbot's web (access tokens for the API), an application registered as the API itself (web
/// and API on one registration, as Microsoft Entra ID allows: its id tokens carry the API's audience
/// too), and another application with an API of its own. Hosts the API in jwt mode against it.
/// </summary>
public sealed class TokenProvider : IAsyncLifetime
{
    public const string OtherAudience = "other-api";

    public static readonly OidcTestClient Web = Client("chatbot-web", OidcTestProvider.ApiAudience, port: 5999);
    public static readonly OidcTestClient ApiRegistration = Client(OidcTestProvider.ApiAudience, OidcTestProvider.ApiAudience, port: 5998);
    public static readonly OidcTestClient OtherApplication = Client("other-app", OtherAudience, port: 5997);

    private static readonly OidcTestUser Alice = new("alice", "alice-pw", new Dictionary<string, string[]>
    {
        ["sub"] = ["alice-1"],
        ["tenant_id"] = ["t-100"],
        ["user_systems"] = ["PV-001"],
    });

    private OidcTestProvider _provider = null!;

    public async Task InitializeAsync() => _provider = await OidcTestProvider.StartAsync([Web, ApiRegistration, OtherApplication], [Alice]);

    public async Task DisposeAsync() => await _provider.DisposeAsync();

    /// <summary>The API in jwt mode, trusting this provider, for tokens issued for <paramref name="audience"/>.</summary>
    public ApiFactory Api(string audience = OidcTestProvider.ApiAudience) => new ApiFactory()
        .With("Chatbot:Auth:Mode", "jwt")
        .With("Chatbot:Auth:Jwt:Authority", _provider.Authority)
        .With("Chatbot:Auth:Jwt:Audience", audience)
        .With("Chatbot:Auth:Jwt:RequireHttpsMetadata", "false");

    /// <summary>Alice signs in to <paramref name="client"/> through the code flow (with a nonce, as every OpenID Connect client sends).</summary>
    public async Task<SignedIn> SignInAsync(OidcTestClient client)
    {
        using var flow = new OidcHttpFlow(_provider, client);
        using var tokens = await flow.RedeemCodeAsync(await flow.SignInAsync("alice", "alice-pw"));
        return new SignedIn(Token(tokens, "access_token"), Token(tokens, "id_token"));
    }

    private static string Token(JsonDocument tokens, string name) => tokens.RootElement.GetProperty(name).GetString()!;

    private static OidcTestClient Client(string clientId, string accessTokenAudience, int port) => new(
        clientId,
        clientId + "-secret",
        [new Uri($"http://127.0.0.1:{port}/signin-oidc")],
        [new Uri($"http://127.0.0.1:{port}/signout-callback-oidc")],
        accessTokenAudience);

    public sealed record SignedIn(string AccessToken, string IdToken);
}
