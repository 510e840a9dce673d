using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;

namespace Chatbot.Web.Identity;

/// <summary>
/// Builds what the UI sends the API from the signed-in user that this front end's authentication
/// proved: never from the request's own headers, so a browser cannot name anyone.
/// </summary>
public sealed class UserIdentityResolver(WebIdentitySetup setup)
{
    public async Task<UserIdentity> ResolveAsync(HttpContext? context)
    {
        if (context?.User.Identity?.IsAuthenticated != true)
        {
            return UserIdentity.Anonymous;
        }
        var caller = IdentityClaims.FromPrincipal(context.User, setup.Options.Claims);
        var token = setup.SendsAccessToken ? await context.GetTokenAsync("access_token") : null;
        var headers = token is null ? IdentityHeaderWriter.Write(caller).ToDictionary() : [];
        return new UserIdentity(headers, token)
        {
            DisplayName = caller.UserName ?? caller.UserId,
            IsDemo = setup.Mode == WebIdentityMode.Demo,
            CanSignOut = setup.Mode == WebIdentityMode.Oidc,
        };
    }
}
