using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Chatbot.Web.Identity;

/// <summary>
/// When a signed-in session may still be used: checked on every request (the cookie's validation)
/// and, in an open circuit, at every revalidation. In token mode the session ends with the access
/// token the API is sent, a little before it expires, so the user is asked to sign in again rather
/// than shown the API's refusal.
/// </summary>
public static class SignedInSession
{
    /// <summary>The API allows 30 s of clock skew; stopping this much earlier avoids a window where it refuses a token we still send.</summary>
    private static readonly TimeSpan TokenMargin = TimeSpan.FromSeconds(30);

    public static bool IsUsable(AuthenticationProperties properties, WebIdentitySetup setup, DateTimeOffset now) =>
        !setup.SendsAccessToken
        || DateTimeOffset.TryParse(properties.GetTokenValue("expires_at"), out var expires) && now < expires - TokenMargin;

    /// <summary>Ends the session on the server (and the cookie) as soon as a request shows it is no longer usable.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context, WebIdentitySetup setup)
    {
        if (!IsUsable(context.Properties, setup, context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
