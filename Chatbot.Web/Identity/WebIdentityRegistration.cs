using Chatbot.Contracts.Identity;
using Chatbot.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

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

        _ = setup.Mode switch
        {
            WebIdentityMode.Oidc => OidcSignIn.Add(builder.Services, options),
            WebIdentityMode.Gateway => builder.Services.AddAuthentication(GatewayIdentityHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, GatewayIdentityHandler>(GatewayIdentityHandler.SchemeName, _ => { }),
            _ => builder.Services.AddAuthentication(DemoIdentityHandler.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, DemoIdentityHandler>(DemoIdentityHandler.SchemeName, _ => { }),
        };
        return builder;
    }

    /// <summary>The session cookie every mode that signs in uses.</summary>
    internal static void ConfigureSession(CookieAuthenticationOptions cookie, WebIdentityOptions options)
    {
        cookie.Cookie.Name = ".chatbot.session";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.ExpireTimeSpan = options.SessionLifetime;
        cookie.SlidingExpiration = true;
        // The page itself offers sign-in; no redirect loop through a login path.
        cookie.Events.OnRedirectToLogin = context =>
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        };
    }
}
