using Chatbot.Contracts.Identity;
using Chatbot.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;

namespace Chatbot.Web.Identity;

/// <summary>Registers the configured identity mode as ASP.NET Core authentication, and the resolver the UI uses.</summary>
public static class WebIdentityRegistration
{
    public static IHostApplicationBuilder AddChatbotIdentity(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WebIdentityOptions.Section).Get<WebIdentityOptions>() ?? new WebIdentityOptions();
        options.Gateway.TrustedNetworks = ConfiguredList.Read(builder.Configuration, $"{WebIdentityOptions.Section}:Gateway:TrustedNetworks");
        options.Gateway.Fields = ConfiguredList.Read(builder.Configuration, WebGatewayOptions.FieldsSetting);
        var api = builder.Configuration.GetSection(ApiConnectionOptions.Section).Get<ApiConnectionOptions>() ?? new ApiConnectionOptions();
        var setup = WebIdentitySetup.Select(options, api, builder.Environment);
        builder.Services.AddSingleton(setup);
        // The mode's own rules ran above, in WebIdentitySetup: the mode decides which services exist.
        builder.Services.AddOptionsWithValidateOnStart<WebIdentityOptions>().BindConfiguration(WebIdentityOptions.Section).ValidateDataAnnotations();
        if (setup.Mode == WebIdentityMode.Gateway)
        {
            builder.Services.AddSingleton(GatewayIdentityHandler.Proof(options.Gateway));
            builder.Services.AddSingleton(IdentityFields.Declared(options.Gateway.Fields, WebGatewayOptions.FieldsSetting));
        }
        builder.Services.AddSingleton<UserIdentityResolver>();
        builder.Services.AddAuthorization();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddSingleton(TimeProvider.System);
        SessionStore.Add(builder);

        _ = setup.Mode switch
        {
            WebIdentityMode.Oidc => OidcSignIn.Add(builder.Services, setup, builder.Environment),
            WebIdentityMode.Gateway => builder.Services.AddAuthentication(GatewayIdentityHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, GatewayIdentityHandler>(GatewayIdentityHandler.SchemeName, _ => { }),
            _ => builder.Services.AddAuthentication(DemoIdentityHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, DemoIdentityHandler>(DemoIdentityHandler.SchemeName, _ => { }),
        };
        return builder;
    }

    /// <summary>An open circuit re-checks its session; call after the Razor components are added, whose provider it replaces.</summary>
    public static IServiceCollection AddSessionRevalidation(this IServiceCollection services) =>
        services.AddScoped<AuthenticationStateProvider, SessionRevalidator>();

    /// <summary>The session cookie: it carries only the id of a session kept on the server (<see cref="SessionStore"/>).</summary>
    internal static void ConfigureSession(CookieAuthenticationOptions cookie, WebIdentitySetup setup, IHostEnvironment environment)
    {
        cookie.Cookie.Name = ".chatbot.session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        // Behind a plain-HTTP ingress the request looks insecure: the cookie must still never travel in clear.
        cookie.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        cookie.ExpireTimeSpan = setup.Options.SessionLifetime;
        cookie.SlidingExpiration = true;
        cookie.Events.OnValidatePrincipal = context => SignedInSession.ValidateAsync(context, setup);
        // The page itself offers sign-in; no redirect loop through a login path.
        cookie.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
    }
}
