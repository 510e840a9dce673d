using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>Turns a test user's claim table into the principal OpenIddict signs, and into the userinfo payload.</summary>
internal static class OidcClaims
{
    public static string SubjectOf(OidcTestUser user) =>
        user.Claims.TryGetValue(Claims.Subject, out var values) && values.Length == 1
            ? values[0]
            : throw new ArgumentException($"Test user '{user.UserName}' needs exactly one '{Claims.Subject}' claim.");

    public static ClaimsPrincipal CreatePrincipal(OidcTestUser user, OidcTestClient client, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        foreach (var (type, values) in user.Claims)
        {
            foreach (var value in values)
            {
                identity.AddClaim(new Claim(type, value));
            }
        }

        identity.SetScopes(scopes);
        identity.SetResources(client.AccessTokenAudience);
        // Without destinations OpenIddict keeps a claim out of both tokens (only "sub" is implicit).
        identity.SetDestinations(claim => user.UserInfoOnly.Contains(claim.Type)
            ? [Destinations.AccessToken]
            : [Destinations.IdentityToken, Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        if (user.AccessTokenLifetime is { } lifetime)
        {
            principal.SetAccessTokenLifetime(lifetime);
        }
        return principal;
    }

    public static Dictionary<string, object> ToUserInfo(OidcTestUser user)
    {
        var payload = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (type, values) in user.Claims.Where(claim => claim.Value.Length > 0))
        {
            payload[type] = values.Length == 1 ? values[0] : values;
        }

        return payload;
    }
}
