using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chatbot.Web.Identity;

/// <summary>
/// <c>/account/login</c> and <c>/account/logout</c> for OpenID Connect sign-in. A provider that
/// cannot be reached sends the user back to the sign-in page with that said, never an error page.
/// </summary>
public static class AccountEndpoints
{
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";

    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LoginPath, LoginAsync).AllowAnonymous();
        endpoints.MapPost(LogoutPath, LogoutAsync).AllowAnonymous();
        return endpoints;
    }

    /// <summary>
    /// Sends the browser to the provider, once the provider answers: with its metadata cached, a
    /// provider that is down would otherwise show the browser's own error page at its address.
    /// </summary>
    private static async Task LoginAsync(HttpContext context, [FromQuery] string? returnUrl, IOptionsMonitor<OpenIdConnectOptions> oidc, ILogger<WebIdentitySetup> logger)
    {
        var properties = new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) };
        await WhenProviderReachableAsync(context, logger, async () =>
        {
            await ProbeAsync(oidc.Get(OpenIdConnectDefaults.AuthenticationScheme), context.RequestAborted);
            await context.ChallengeAsync(OpenIdConnectDefaults.AuthenticationScheme, properties);
        });
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

    /// <summary>Ends the session here, then at the provider; the provider brings the user back to the sign-in page.</summary>
    private static async Task LogoutAsync(HttpContext context, [FromForm] string? returnUrl, ILogger<WebIdentitySetup> logger)
    {
        var properties = new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) };
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await WhenProviderReachableAsync(context, logger, () => context.SignOutAsync(OpenIdConnectDefaults.AuthenticationScheme, properties));
    }

    /// <summary>Runs a step that talks to the provider (its metadata first); unreachable, the user is told so on the sign-in page.</summary>
    private static async Task WhenProviderReachableAsync(HttpContext context, ILogger logger, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or IOException)
        {
            logger.LogWarning("The identity provider could not be reached: {Message}", exception.Message);
            context.Response.Redirect(OidcSignIn.UnavailablePath);
        }
    }

    /// <summary>Only a path on this site: an open redirect would let a link send a fresh session elsewhere.</summary>
    private static string LocalOrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
}
