namespace Chatbot.Web.Identity;

/// <summary><c>Chatbot:Identity:Oidc</c>: the OpenID Connect provider users sign in with.</summary>
public sealed class OidcSignInOptions
{
    /// <summary>The provider's issuer URL (its metadata is at <c>.well-known/openid-configuration</c> below it).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The confidential client's secret; keep it in a secret store.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Space-separated scopes to ask for; <c>openid</c> is always asked.</summary>
    public string Scopes { get; set; } = "openid profile";

    /// <summary>Also read claims from the userinfo endpoint (for providers that keep custom claims out of the id token).</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    /// <summary>Only for a provider on loopback in tests; a real provider is always HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>gateway (default) or token: how the user's identity is proven to the API.</summary>
    public ApiCredential ApiCredential { get; set; } = ApiCredential.Gateway;
}
