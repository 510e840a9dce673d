using Chatbot.Contracts.Identity;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// Refuses <c>Chatbot:Auth</c> settings that would run the API open or broken, at start, naming the
/// setting: development is refused in Production, gateway mode needs a secret or trusted proxies
/// and declared fields that exist and name the user, jwt mode an authority or a signing key and
/// the audience its tokens must be issued for (without it any token the provider signs would do:
/// the user's id token, another application's tokens).
/// </summary>
public sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    private const string Section = AuthOptions.Section;

    public ValidateOptionsResult Validate(string? name, AuthOptions options) =>
        Failure(options) is { } failure ? ValidateOptionsResult.Fail(failure) : ValidateOptionsResult.Success;

    /// <summary>The mode configured, or the environment's default when none is; null for a value that is no mode.</summary>
    public static AuthMode? ModeOf(AuthOptions options, IHostEnvironment environment) =>
        string.IsNullOrWhiteSpace(options.Mode)
            ? environment.IsDevelopment() ? AuthMode.Development : AuthMode.Gateway
            : Enum.TryParse<AuthMode>(options.Mode, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode : null;

    public static string UnknownMode(string? configured) => $"{Section}:Mode must be gateway, jwt or development; it is '{configured}'.";

    private string? Failure(AuthOptions options) => ModeOf(options, environment) switch
    {
        null => UnknownMode(options.Mode),
        AuthMode.Development when environment.IsProduction() =>
            $"Auth mode 'development' ({Section}:Mode) trusts any caller's identity headers and is refused in Production.",
        AuthMode.Gateway when string.IsNullOrEmpty(options.GatewaySecret) && options.TrustedProxies.Length == 0 =>
            $"Auth mode 'gateway' needs {Section}:GatewaySecret or {Section}:TrustedProxies.",
        AuthMode.Gateway => IdentityFields.Problem(options.GatewayFields, AuthOptions.GatewayFieldsSetting),
        AuthMode.Jwt when string.IsNullOrEmpty(options.Jwt.Authority) && string.IsNullOrEmpty(options.Jwt.SigningKey) =>
            $"Auth mode 'jwt' needs {Section}:Jwt:Authority or {Section}:Jwt:SigningKey.",
        AuthMode.Jwt when string.IsNullOrWhiteSpace(options.Jwt.Audience) =>
            $"Auth mode 'jwt' needs {Section}:Jwt:Audience, the audience of the API's own access tokens (never the web's client id).",
        _ => null,
    };
}
