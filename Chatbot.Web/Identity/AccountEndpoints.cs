using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Chatbot.Web.Identity;

/// <summary>
/// <c>/account/login</c> and <c>/account/logout</c> for OpenID Connect sign-in. Whatever the provider
/// does (unreachable, refusing this site's sign-in request), the user lands on the sign-in page
/// with the reason, never on an error page; redirects stay on this site.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LoginPath, LoginAsync).AllowAnonymous();
        // Checked by the handler itself, so a missing token is a plain 400 rather than an exception.
        endpoints.MapPost(LogoutPath, LogoutAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>
    /// Sends the browser to the provider, once the provider answers: with its metadata cached, a
    /// provider that is down would otherwise show the browser's own error page at its address.
    /// </summary>
    private static async Task LoginAsync(HttpContext context, [FromQuery] string? returnUrl, IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<WebIdentitySetup> logger)
    {
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var properties = new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) };
        try
        {
            await ProbeAsync(options, context.RequestAborted);
            await context.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, properties);
        }
        catch (OpenIdConnectProtocolException exception)
        {
            // A pushed authorization request the provider refused: most often a redirect URI it does not know.
            logger.LogError("The identity provider refused the sign-in request ({Message}). Register {RedirectUri} as a redirect URI of client {ClientId}.",
                exception.Message, CallbackUri(context, options.CallbackPath), options.ClientId);
            context.Response.Redirect(OidcSignIn.RejectedPath);
        }
        catch (Exception exception) when (IsUnreachable(exception))
        {
            logger.LogWarning("The identity provider could not be reached: {Message}", exception.Message);
            context.Response.Redirect(OidcSignIn.UnavailablePath);
        }
    }

    /// <summary>
    /// Ends the session here first (the server forgets it, so the cookie opens nothing anywhere), then
    /// at the provider when it answers; when it does not, the user is told they are signed out here only.
    /// </summary>
    private static async Task<IResult> LogoutAsync(HttpContext context, IAntiforgery antiforgery, IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<WebIdentitySetup> logger)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest("The sign-out form has expired. Reload the page and sign out again.");
        }
        var returnUrl = LocalOrRoot(context.Request.Form["returnUrl"].ToString());
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        try
        {
            await ProbeAsync(oidc.Get(OpenIdConnectDefaults.AuthenticationScheme), context.RequestAborted);
            await context.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, new AuthenticationProperties { RedirectUri = returnUrl });
            return TypedResults.Empty;
        }
        catch (Exception exception) when (IsUnreachable(exception) || exception is OpenIdConnectProtocolException)
        {
            logger.LogWarning("Signed out here only; the identity provider could not be reached: {Message}", exception.Message);
            return TypedResults.LocalRedirect(OidcSignIn.SignedOutHereOnlyPath);
        }
    }

    /// <summary>Throws <see cref="HttpRequestException"/> unless the provider's metadata answers within a few seconds.</summary>
    private static async Task ProbeAsync(OpenIdConnectOptions oidc, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var response = await oidc.Backchannel.GetAsync(oidc.MetadataAddress, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            response.EnsureSuccessStatusCode();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"The identity provider did not answer within {ProbeTimeout.TotalSeconds} s.");
        }
    }

    private static bool IsUnreachable(Exception exception) => exception is InvalidOperationException or HttpRequestException or IOException;

    private static string CallbackUri(HttpContext context, PathString callbackPath) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{callbackPath}";

    /// <summary>Only a path on this site, by the framework's own check (which also refuses control characters).</summary>
    private static string LocalOrRoot(string? returnUrl) => RedirectHttpResult.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
