using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Identity;

/// <summary><c>Chatbot:Auth</c>: whose identity the API believes.</summary>
public sealed class AuthOptions
{
    public const string Section = "Chatbot:Auth";

    /// <summary>gateway, jwt or development; default development in Development, gateway elsewhere.</summary>
    public string? Mode { get; set; }

    /// <summary>Shared secret the gateway sends in <see cref="GatewaySecretHeader"/>.</summary>
    public string? GatewaySecret { get; set; }

    public string GatewaySecretHeader { get; set; } = IdentityHeaders.GatewaySecret;

    /// <summary>
    /// Addresses or networks (<c>10.0.0.7</c>, <c>10.0.0.0/24</c>) whose connections are the gateway:
    /// their identity headers are believed without the secret. Compared with the connection's own
    /// address, never with a forwarded-for header.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    public const string GatewayFieldsSetting = Section + ":GatewayFields";

    /// <summary>
    /// The identity fields the gateway sets (<c>user-id</c>, <c>user-tenant-id</c>, ...; empty: every
    /// field). A proven request's other fields are not read: a gateway that passes the browser's
    /// headers through would otherwise let it add any field it does not set itself, such as the role.
    /// </summary>
    public string[] GatewayFields { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Which token claim carries each identity field (jwt mode).</summary>
    public IdentityClaimNames Claims { get; set; } = new();
}

/// <summary><c>Chatbot:Auth:Jwt</c>: an authority (OpenID Connect metadata) or a symmetric signing key.</summary>
public sealed class JwtOptions
{
    public string? Authority { get; set; }

    /// <summary>Required: the <c>aud</c> of the API's own access tokens (its resource or API identifier), never the web's client id.</summary>
    public string? Audience { get; set; }

    public string? Issuer { get; set; }
    public string? SigningKey { get; set; }

    /// <summary>Only for an authority on loopback in tests; a real identity provider is always HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
