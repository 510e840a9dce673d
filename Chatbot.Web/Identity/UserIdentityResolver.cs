using System.Security.Claims;
using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;

namespace Chatbot.Web.Identity;

/// <summary>
/// Builds what the UI sends the API from the user this front end's authentication proved (the
/// circuit's user, from its own connection): never from a request's headers or a page's
/// parameters, so neither a browser nor a replayed page can name anyone. In token mode the access
/// token comes from the server-side session, which must still exist.
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
        string? token = null;
        if (setup.SendsAccessToken)
        {
            token = (await sessions.RetrieveAsync(user))?.Properties.GetTokenValue("access_token");
            if (token is null)
            {
                return UserIdentity.Anonymous;
            }
        }
        var headers = token is null ? IdentityHeaderWriter.Write(caller).ToDictionary() : [];
        return new UserIdentity(headers, token)
        {
            DisplayName = caller.UserName ?? caller.UserId,
            IsDemo = setup.Mode == WebIdentityMode.Demo,
            CanSignOut = setup.Mode == WebIdentityMode.Oidc,
        };
    }
}
