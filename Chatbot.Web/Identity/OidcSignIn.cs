using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Chatbot.Web.Identity;

/// <summary>
/// OpenID Connect sign-in into a cookie session: authorization code with PKCE, the provider's
/// claims kept under their own names (mapped to identity fields by <see cref="WebIdentityOptions.Claims"/>),
/// tokens saved for the API (token credential) and for signing out at the provider.
/// </summary>
public static class OidcSignIn
{
    /// <summary>Where a failed or impossible sign-in lands: the sign-in page, with the reason.</summary>
    public const string FailedPath = "/?signin=failed";
    public const string UnavailablePath = "/?signin=unavailable";
    public const string RejectedPath = "/?signin=rejected";
    public const string SignedOutHereOnlyPath = "/?signin=signed-out-here";

    public static AuthenticationBuilder Add(IServiceCollection services, WebIdentitySetup setup, IHostEnvironment environment) =>
        services.AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                authentication.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie => WebIdentityRegistration.ConfigureSession(cookie, setup, environment))
            .AddOpenIdConnect(oidc => Configure(oidc, setup.Options));

    private static void Configure(OpenIdConnectOptions oidc, WebIdentityOptions options)
    {
        var settings = options.Oidc;
        oidc.Authority = settings.Authority;
        oidc.ClientId = settings.ClientId;
        oidc.ClientSecret = settings.ClientSecret;
        oidc.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        oidc.ResponseType = "code";
        oidc.UsePkce = true;
        oidc.SaveTokens = true;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
        oidc.TokenValidationParameters.NameClaimType = options.Claims.UserName;
        oidc.TokenValidationParameters.RoleClaimType = options.Claims.Role;
        oidc.Scope.Clear();
        foreach (var scope in settings.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Append("openid").Distinct())
        {
            oidc.Scope.Add(scope);
        }
        foreach (var claim in new[] { options.Claims.TenantId, options.Claims.Role, options.Claims.Systems, options.Claims.ChargePoints, options.Claims.Storage, options.Claims.Groups })
        {
            oidc.ClaimActions.MapJsonKey(claim, claim); // from userinfo, when it is read
        }
        oidc.Events.OnRemoteFailure = context =>
        {
            context.HandleResponse();
            context.Response.Redirect(FailedPath);
            return Task.CompletedTask;
        };
    }
}
