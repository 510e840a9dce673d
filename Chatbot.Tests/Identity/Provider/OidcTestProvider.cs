using Chatbot.LocalServers;
using Microsoft.AspNetCore.Builder;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>
/// A real OpenID Connect provider (OpenIddict, authorization code + PKCE, signed JWTs) on a loopback port,
/// with a login form for the given users and confidential clients. It can be stopped and started again
/// on the same port with the same keys, issuer and users.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string ApiAudience = "chatbot-api";

    private readonly OidcProviderState _state;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WebApplication? _app;

    private OidcTestProvider(OidcProviderState state) => _state = state;

    /// <summary>The issuer, e.g. "http://127.0.0.1:41234/" (with the trailing slash OpenIddict emits).</summary>
    public string Authority => _state.Issuer.AbsoluteUri;

    /// <summary>User names a code was issued for, in order.</summary>
    public IReadOnlyList<string> SignIns => _state.SignIns;

    public static Task<OidcTestProvider> StartAsync(OidcTestClient client, IReadOnlyList<OidcTestUser> users, int? port = null) =>
        StartAsync([client], users, port);

    public static async Task<OidcTestProvider> StartAsync(IReadOnlyList<OidcTestClient> clients, IReadOnlyList<OidcTestUser> users, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(users);
        foreach (var user in users)
        {
            OidcClaims.SubjectOf(user);
        }

        // A picked free port can be taken by someone else before Kestrel binds it: pick again.
        for (var attempt = 1; ; attempt++)
        {
            var provider = new OidcTestProvider(new OidcProviderState(clients, users, port ?? FreePort.Next()));
            try
            {
                await provider.StartAgainAsync();
                return provider;
            }
            catch (Exception exception)
            {
                await provider.DisposeAsync();
                if (exception is not IOException || port is not null || attempt == 5)
                {
                    throw;
                }
            }
        }
    }

    public async Task StartAgainAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _app ??= await OidcProviderHost.StartAsync(_state);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task StopAsync()
    {
        await _gate.WaitAsync();
        try
        {
            await StopCoreAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _state.Dispose();
    }

    private async Task StopCoreAsync()
    {
        if (_app is null)
        {
            return;
        }

        var app = _app;
        _app = null;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
