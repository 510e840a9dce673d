using Chatbot.Contracts.Identity;
using Chatbot.Web.Api;

namespace Chatbot.Web.Identity;

/// <summary>
/// The identity mode this process runs in, chosen once at start from <c>Chatbot:Identity</c>. A
/// missing or incomplete setting outside Development refuses to start, naming the setting, so the
/// web never runs open or broken.
/// </summary>
public sealed record WebIdentitySetup(WebIdentityMode Mode, WebIdentityOptions Options)
{
    private const string ModeSetting = WebIdentityOptions.Section + ":Mode";
    private const string OidcSection = WebIdentityOptions.Section + ":Oidc";

    public bool SendsAccessToken => Mode == WebIdentityMode.Oidc && Options.Oidc.ApiCredential == ApiCredential.Token;

    public static WebIdentitySetup Select(WebIdentityOptions options, ApiConnectionOptions api, IHostEnvironment environment)
    {
        var mode = ParseMode(options.Mode, environment);
        if (mode == WebIdentityMode.Oidc)
        {
            CheckOidc(options.Oidc);
        }
        if (mode == WebIdentityMode.Gateway)
        {
            CheckGateway(options.Gateway);
        }
        var setup = new WebIdentitySetup(mode, options);
        if (!setup.SendsAccessToken && !environment.IsDevelopment() && string.IsNullOrEmpty(api.GatewaySecret))
        {
            throw SettingsRefusal.Refuse($"{ApiConnectionOptions.Section}:GatewaySecret",
                $"{ApiConnectionOptions.Section}:GatewaySecret is needed outside Development: the API (gateway mode) believes the user's identity only with it. Or sign in with {OidcSection}:ApiCredential=token against an API in jwt mode.");
        }
        return setup;
    }

    private static WebIdentityMode ParseMode(string? configured, IHostEnvironment environment)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return environment.IsDevelopment()
                ? WebIdentityMode.Demo
                : throw SettingsRefusal.Refuse(ModeSetting,
                    $"{ModeSetting} must be set outside Development: oidc (users sign in with OpenID Connect), gateway (behind the platform's gateway) or demo (every visitor is one demo user).");
        }
        return Enum.TryParse<WebIdentityMode>(configured, ignoreCase: true, out var mode) && Enum.IsDefined(mode)
            ? mode
            : throw SettingsRefusal.Refuse(ModeSetting, $"{ModeSetting} must be oidc, gateway or demo; it is '{configured}'.");
    }

    private static void CheckGateway(WebGatewayOptions gateway)
    {
        if (string.IsNullOrEmpty(gateway.Secret) && gateway.TrustedNetworks.Length == 0)
        {
            throw SettingsRefusal.Refuse(ModeSetting,
                $"{ModeSetting} 'gateway' needs {WebIdentityOptions.Section}:Gateway:Secret or {WebIdentityOptions.Section}:Gateway:TrustedNetworks: nothing else proves a request came through the gateway.");
        }
        if (IdentityFields.Problem(gateway.Fields, WebGatewayOptions.FieldsSetting) is { } fields)
        {
            throw SettingsRefusal.Refuse(WebGatewayOptions.FieldsSetting, fields);
        }
    }

    private static void CheckOidc(OidcSignInOptions oidc)
    {
        if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority))
        {
            throw SettingsRefusal.Refuse($"{OidcSection}:Authority", $"{OidcSection}:Authority must be the identity provider's issuer URL; it is '{oidc.Authority}'.");
        }
        if (oidc.RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps)
        {
            throw SettingsRefusal.Refuse($"{OidcSection}:Authority", $"{OidcSection}:Authority must be https ({OidcSection}:RequireHttpsMetadata=false is for a provider on loopback in tests).");
        }
        if (string.IsNullOrWhiteSpace(oidc.ClientId))
        {
            throw SettingsRefusal.Refuse($"{OidcSection}:ClientId", $"{OidcSection}:ClientId must name this front end's client at the identity provider.");
        }
    }
}
