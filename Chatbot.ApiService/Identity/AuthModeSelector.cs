using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// The effective mode, checked once at start: development is refused in Production, and gateway
/// mode needs a secret or trusted proxies, so a misconfigured API never starts open.
/// </summary>
public sealed class AuthModeSelector
{
    public AuthModeSelector(IOptions<AuthOptions> options, IHostEnvironment environment, ILogger<AuthModeSelector> logger)
    {
        var configured = options.Value.Mode;
        Mode = string.IsNullOrWhiteSpace(configured)
            ? environment.IsDevelopment() ? AuthMode.Development : AuthMode.Gateway
            : Enum.TryParse<AuthMode>(configured, ignoreCase: true, out var mode)
                ? mode
                : throw new InvalidOperationException($"{AuthOptions.Section}:Mode must be gateway, jwt or development; it is '{configured}'.");

        if (Mode == AuthMode.Development && environment.IsProduction())
        {
            throw new InvalidOperationException("Auth mode 'development' trusts any caller's identity headers and is refused in Production.");
        }
        if (Mode == AuthMode.Gateway && string.IsNullOrEmpty(options.Value.GatewaySecret) && options.Value.TrustedProxies.Length == 0)
        {
            throw new InvalidOperationException($"Auth mode 'gateway' needs {AuthOptions.Section}:GatewaySecret or {AuthOptions.Section}:TrustedProxies.");
        }
        if (Mode == AuthMode.Jwt && string.IsNullOrEmpty(options.Value.Jwt.Authority) && string.IsNullOrEmpty(options.Value.Jwt.SigningKey))
        {
            throw new InvalidOperationException($"Auth mode 'jwt' needs {AuthOptions.Section}:Jwt:Authority or {AuthOptions.Section}:Jwt:SigningKey.");
        }
        if (Mode == AuthMode.Development)
        {
            logger.LogWarning("Auth mode 'development': identity headers are trusted as sent. Never expose this API.");
        }
    }

    public AuthMode Mode { get; }
}
