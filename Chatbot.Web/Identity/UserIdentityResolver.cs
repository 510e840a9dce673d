using System.Security.Claims;
using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;

namespace Chatbot.Web.Identity;

/// <summary>
/// Builds what the UI sends the API from the user this front end's authentication proved (the
/// circuit's user, from its own connection): never from a request's headers or a page's
/// parameters, so neither a browser nor a replayed page can name anyone. The access token comes
/// from the server-side session, which in token mode must still exist.
/// </summary>
public sealed class UserIdentityResolver(WebIdentitySetup setup, SessionStore sessions)
{
    public async Task<UserIdentity> ResolveAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return UserIdentity.Anonymous;
        }
        var caller = IdentityClaims.FromPrincipal(user, setup.Options.Claims);
        // Signed in with OpenID Connect, the session on the server holds the user's access token: the
        // API's credential in token mode, and in header mode the seed's access-token header, which the
        // API's tools send to the platform on the user's behalf (docs/platform-api.md).
        var token = setup.Mode == WebIdentityMode.Oidc ? (await sessions.RetrieveAsync(user))?.Properties.GetTokenValue("access_token") : null;
        if (setup.SendsAccessToken && token is null)
        {
            return UserIdentity.Anonymous;
        }
        var headers = setup.SendsAccessToken ? [] : IdentityHeaderWriter.Write(caller).ToDictionary();
        if (!setup.SendsAccessToken && token is not null)
        {
            headers[IdentityHeaders.Name(IdentityHeaders.AccessToken)] = token;
        }
        return new UserIdentity(headers, setup.SendsAccessToken ? token : null)
        {
            DisplayName = caller.UserName ?? caller.UserId,
            IsDemo = setup.Mode == WebIdentityMode.Demo,
            CanSignOut = setup.Mode == WebIdentityMode.Oidc,
        };
    }
}
