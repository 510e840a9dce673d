using System.Security.Claims;
using Chatbot.Contracts.Identity;
using Chatbot.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Chatbot.Tests.Web;

/// <summary>What the UI sends the API is built from the user the web proved, never from the browser's request.</summary>
public sealed class UserIdentityResolverTests
{
    private static readonly IdentityClaimNames Claims = new() { TenantId = "https://example.com/tenant" };
    private static readonly WebIdentitySetup Oidc = new(WebIdentityMode.Oidc, new WebIdentityOptions { Claims = Claims });
    private static readonly WebIdentitySetup Token = new(WebIdentityMode.Oidc, new WebIdentityOptions { Claims = Claims, Oidc = { ApiCredential = ApiCredential.Token } });

    private readonly SessionStore _sessions = new(
        new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), new EphemeralDataProtectionProvider(), NullLogger<SessionStore>.Instance);

    [Fact]
    public async Task Identity_headers_come_from_the_claims_under_the_configured_names()
    {
        var user = User(("sub", "alice-1"), ("name", "Alice"), ("https://example.com/tenant", "t-100"), ("user_systems", "PV-001"), ("user_systems", "PV-002"));

        var identity = await new UserIdentityResolver(Oidc, _sessions).ResolveAsync(user);

        Assert.Equal("alice-1", identity.Headers[IdentityHeaders.Name(IdentityHeaders.UserId)]);
        Assert.Equal("t-100", identity.Headers[IdentityHeaders.Name(IdentityHeaders.TenantId)]);
        Assert.Equal("""["PV-001","PV-002"]""", identity.Headers[IdentityHeaders.Name(IdentityHeaders.Systems)]);
        Assert.Equal("Alice", identity.DisplayName);
        Assert.True(identity.CanSignOut);
        Assert.False(identity.IsDemo);
    }

    [Fact]
    public async Task A_visitor_nobody_proved_is_anonymous()
    {
        Assert.Same(UserIdentity.Anonymous, await new UserIdentityResolver(Oidc, _sessions).ResolveAsync(new ClaimsPrincipal(new ClaimsIdentity())));
    }

    [Fact]
    public async Task In_token_mode_the_access_token_comes_from_the_session_on_the_server()
    {
        var (user, _) = await SignInAsync("alice-access-token");

        var identity = await new UserIdentityResolver(Token, _sessions).ResolveAsync(user);

        Assert.Equal("alice-access-token", identity.AccessToken);
        Assert.Empty(identity.Headers);
    }

    [Fact]
    public async Task In_token_mode_a_session_that_was_signed_out_is_nobody()
    {
        var (user, sessionId) = await SignInAsync("alice-access-token");

        await _sessions.RemoveAsync(sessionId);

        Assert.Same(UserIdentity.Anonymous, await new UserIdentityResolver(Token, _sessions).ResolveAsync(user));
    }

    [Fact]
    public async Task In_header_mode_the_sessions_access_token_goes_as_the_seeds_access_token_header_for_the_platform()
    {
        var (user, _) = await SignInAsync("alice-access-token");

        var identity = await new UserIdentityResolver(Oidc, _sessions).ResolveAsync(user);

        Assert.Equal("alice-access-token", identity.Headers[IdentityHeaders.Name(IdentityHeaders.AccessToken)]);
        Assert.Equal("alice-1", identity.Headers[IdentityHeaders.Name(IdentityHeaders.UserId)]);
        Assert.Null(identity.AccessToken);
    }

    [Fact]
    public async Task In_header_mode_without_a_session_the_identity_goes_without_a_token()
    {
        var (user, sessionId) = await SignInAsync("alice-access-token");
        await _sessions.RemoveAsync(sessionId);

        var identity = await new UserIdentityResolver(Oidc, _sessions).ResolveAsync(user);

        Assert.False(identity.Headers.ContainsKey(IdentityHeaders.Name(IdentityHeaders.AccessToken)));
        Assert.Equal("alice-1", identity.Headers[IdentityHeaders.Name(IdentityHeaders.UserId)]);
    }

    /// <summary>As the cookie handler does: the ticket with its tokens goes to the store; the principal keeps the session id.</summary>
    private async Task<(ClaimsPrincipal User, string SessionId)> SignInAsync(string accessToken)
    {
        var user = User(("sub", "alice-1"));
        var properties = new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) };
        properties.StoreTokens([new AuthenticationToken { Name = "access_token", Value = accessToken }]);
        var sessionId = await _sessions.StoreAsync(new AuthenticationTicket(user, properties, "Cookies"));
        return (user, sessionId);
    }

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "test"));
}
