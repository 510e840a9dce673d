using System.Security.Claims;
using Chatbot.Contracts.Identity;
using Chatbot.Web.Identity;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Tests.Web;

/// <summary>What the UI sends the API is built from the user the web proved, never from the browser's request.</summary>
public sealed class UserIdentityResolverTests
{
    private static readonly WebIdentitySetup Oidc = new(WebIdentityMode.Oidc, new WebIdentityOptions
    {
        Claims = new IdentityClaimNames { TenantId = "https://example.com/tenant" },
    });

    [Fact]
    public async Task Identity_headers_come_from_the_claims_under_the_configured_names()
    {
        var context = Request(User(("sub", "alice-1"), ("name", "Alice"), ("https://example.com/tenant", "t-100"), ("user_systems", "PV-001"), ("user_systems", "PV-002")));

        var identity = await new UserIdentityResolver(Oidc).ResolveAsync(context);

        Assert.Equal("alice-1", identity.Headers[IdentityHeaders.Name(IdentityHeaders.UserId)]);
        Assert.Equal("t-100", identity.Headers[IdentityHeaders.Name(IdentityHeaders.TenantId)]);
        Assert.Equal("""["PV-001","PV-002"]""", identity.Headers[IdentityHeaders.Name(IdentityHeaders.Systems)]);
        Assert.Equal("Alice", identity.DisplayName);
        Assert.True(identity.CanSignOut);
        Assert.False(identity.IsDemo);
    }

    [Fact]
    public async Task The_browsers_own_identity_headers_are_never_sent_on()
    {
        var context = Request(User(("sub", "alice-1")));
        context.Request.Headers[IdentityHeaders.Name(IdentityHeaders.UserId)] = "victim-42";
        context.Request.Headers[IdentityHeaders.Name(IdentityHeaders.Role)] = "superAdmin";

        var identity = await new UserIdentityResolver(Oidc).ResolveAsync(context);

        Assert.Equal("alice-1", identity.Headers[IdentityHeaders.Name(IdentityHeaders.UserId)]);
        Assert.False(identity.Headers.ContainsKey(IdentityHeaders.Name(IdentityHeaders.Role)));
    }

    [Fact]
    public async Task A_visitor_nobody_proved_is_anonymous_whatever_the_request_says()
    {
        var context = Request(new ClaimsPrincipal(new ClaimsIdentity()));
        context.Request.Headers[IdentityHeaders.Name(IdentityHeaders.UserId)] = "victim-42";

        Assert.Same(UserIdentity.Anonymous, await new UserIdentityResolver(Oidc).ResolveAsync(context));
    }

    private static ClaimsPrincipal User(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(claim => new Claim(claim.Type, claim.Value)), "test"));

    private static DefaultHttpContext Request(ClaimsPrincipal user) => new() { User = user };
}
