using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace Chatbot.Web.Identity;

/// <summary>
/// Re-checks an open circuit's session every <see cref="WebIdentityOptions.RevalidationInterval"/>:
/// once it was signed out (in any tab, on any replica) or has expired, the circuit's user becomes
/// nobody and the page asks to sign in again. Modes without sessions have nothing to re-check.
/// </summary>
public sealed class SessionRevalidator(ILoggerFactory loggers, SessionStore sessions, WebIdentitySetup setup, IOptions<WebIdentityOptions> options, TimeProvider clock)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (setup.Mode != WebIdentityMode.Oidc || state.User.Identity?.IsAuthenticated != true)
        {
            return true;
        }
        return await sessions.RetrieveAsync(state.User) is { } session && SignedInSession.IsUsable(session.Properties, setup, clock.GetUtcNow());
    }
}
