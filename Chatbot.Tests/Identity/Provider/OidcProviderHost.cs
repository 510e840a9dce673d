using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>Builds and starts one incarnation of the provider's web host from the state that survives restarts.</summary>
internal static class OidcProviderHost
{
    public static async Task<WebApplication> StartAsync(OidcProviderState state)
    {
        var app = Build(state);
        try
        {
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
                foreach (var client in state.Clients)
                {
                    await OidcClientRegistration.EnsureRegisteredAsync(manager, client);
                }
            }

            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private static WebApplication Build(OidcProviderState state)
    {
        // The empty builder reads no appsettings.json or ASPNETCORE_* variables, which the test output
        // directory and environment carry for the chatbot's own hosts.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(OidcProviderHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, state.Port));
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        ConfigureServices(builder.Services, state);

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        new OidcServerEndpoints(state).Map(app);
        new OidcLoginEndpoints(state).Map(app);
        return app;
    }

    private static void ConfigureServices(IServiceCollection services, OidcProviderState state)
    {
        services.AddRouting();
        services.AddDbContext<OidcProviderDbContext>(db => db
            .UseInMemoryDatabase(state.DatabaseName, state.DatabaseRoot)
            // Every provider incarnation gets its own EF internal service provider; that is expected here.
            .ConfigureWarnings(warnings => warnings.Ignore(
                CoreEventId.ManyServiceProvidersCreatedWarning, InMemoryEventId.TransactionIgnoredWarning))
            .UseOpenIddict());
        services.AddAuthentication().AddCookie(OidcProviderState.LoginScheme, cookie =>
        {
            cookie.Cookie.Name = state.LoginCookieName;
            cookie.LoginPath = OidcLoginEndpoints.LoginPath;
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.DataProtectionProvider = state.DataProtection;
        });
        AddOpenIddict(services, state);
    }

    private static void AddOpenIddict(IServiceCollection services, OidcProviderState state) => services.AddOpenIddict()
        .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<OidcProviderDbContext>())
        .AddServer(server =>
        {
            server.SetIssuer(state.Issuer)
                .SetAuthorizationEndpointUris(OidcServerEndpoints.AuthorizePath)
                // Pushed authorization requests, as many providers offer: the web's handler then uses them.
                .SetPushedAuthorizationEndpointUris(OidcServerEndpoints.PushedAuthorizationPath)
                .SetTokenEndpointUris(OidcServerEndpoints.TokenPath)
                .SetUserInfoEndpointUris(OidcServerEndpoints.UserInfoPath)
                .SetEndSessionEndpointUris(OidcServerEndpoints.EndSessionPath);
            server.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow().RequireProofKeyForCodeExchange();
            server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, OidcClientRegistration.ChatbotScope);
            server.AddSigningKey(state.SigningKey).AddEncryptionKey(state.EncryptionKey).DisableAccessTokenEncryption();
            server.UseAspNetCore()
                .EnableAuthorizationEndpointPassthrough()
                .EnableUserInfoEndpointPassthrough()
                .EnableEndSessionEndpointPassthrough()
                .DisableTransportSecurityRequirement();
        });
}
