namespace Chatbot.ApiService.Auth;

/// <summary><c>Chatbot:Auth</c>: whose identity headers the API believes.</summary>
public sealed class AuthOptions
{
    public const string Section = "Chatbot:Auth";

    /// <summary>gateway, jwt or development; default development in Development, gateway elsewhere.</summary>
    public string? Mode { get; set; }

    /// <summary>Shared secret the gateway sends in <see cref="GatewaySecretHeader"/>.</summary>
    public string? GatewaySecret { get; set; }

    public string GatewaySecretHeader { get; set; } = "x-gateway-secret";

    /// <summary>Addresses (the gateway's, a sidecar's) whose identity headers are trusted without the secret.</summary>
    public string[] TrustedProxies { get; set; } = [];

    public JwtOptions Jwt { get; set; } = new();
}

/// <summary><c>Chatbot:Auth:Jwt</c>: an authority (OpenID Connect metadata) or a symmetric signing key.</summary>
public sealed class JwtOptions
{
    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string? Issuer { get; set; }
    public string? SigningKey { get; set; }
}
