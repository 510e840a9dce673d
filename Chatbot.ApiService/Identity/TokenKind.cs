using Microsoft.IdentityModel.JsonWebTokens;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// Tells an id token from an access token, so jwt mode takes access tokens only: an id token says
/// who signed in to a client and is handed to that client, not a grant to call an API. A header
/// <c>typ</c> of <c>at+jwt</c> (RFC 9068) is an access token whatever else it carries; any other
/// token is an id token when it carries a claim only id tokens have (<c>nonce</c>, <c>at_hash</c>,
/// <c>c_hash</c>: OpenID Connect Core) or Keycloak's payload <c>typ</c> of <c>ID</c>.
/// </summary>
public static class TokenKind
{
    private static readonly string[] AccessTokenTypes = ["at+jwt", "application/at+jwt"];
    private static readonly string[] IdTokenOnlyClaims = ["nonce", "at_hash", "c_hash"];
    private const string KeycloakTypeClaim = "typ";
    private const string KeycloakIdTokenType = "ID";

    public static bool IsIdToken(JsonWebToken token) =>
        !IsTypedAccessToken(token) && (IdTokenOnlyClaims.Any(claim => token.TryGetClaim(claim, out _)) || IsKeycloakIdToken(token));

    // Media types are case-insensitive (RFC 7515 4.1.9).
    private static bool IsTypedAccessToken(JsonWebToken token) =>
        AccessTokenTypes.Contains(token.Typ, StringComparer.OrdinalIgnoreCase);

    private static bool IsKeycloakIdToken(JsonWebToken token) =>
        token.TryGetClaim(KeycloakTypeClaim, out var type) && string.Equals(type.Value, KeycloakIdTokenType, StringComparison.OrdinalIgnoreCase);
}
