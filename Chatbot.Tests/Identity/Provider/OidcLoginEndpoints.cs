using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>The provider's own login form (no consent page) and the page shown after a sign-out without redirect.</summary>
internal sealed class OidcLoginEndpoints(OidcProviderState state)
{
    public const string LoginPath = "/account/login";
    public const string SignedOutPath = "/account/signed-out";

    public void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(LoginPath, (string? returnUrl) => LoginPage(returnUrl, userName: null, error: false));
        // The Delegate cast keeps the returned IResult: the RequestDelegate overload would discard it.
        endpoints.MapPost(LoginPath, (Delegate)LoginAsync);
        endpoints.MapGet(SignedOutPath, () => Html("<h1>Test identity provider</h1><p>You are signed out.</p>"));
    }

    public static string LoginUrl(string returnUrl) => $"{LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private async Task<IResult> LoginAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = LocalOrRoot(form["returnUrl"]);
        var user = state.FindUser(form["username"]);
        if (user is null || user.Password != form["password"])
        {
            return LoginPage(returnUrl, form["username"], error: true);
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName)], OidcProviderState.LoginScheme);
        await context.SignInAsync(OidcProviderState.LoginScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(returnUrl);
    }

    // Only redirect inside the provider: "//host" and "/\host" are protocol-relative escapes.
    private static string LocalOrRoot(string? url) =>
        url is ['/'] or ['/', not ('/' or '\\'), ..] ? url : "/";

    private static IResult LoginPage(string? returnUrl, string? userName, bool error)
    {
        var encoder = HtmlEncoder.Default;
        var message = error ? "<p class=\"error\">Wrong user name or password</p>" : "";
        return Html($"""
            <h1>Test identity provider</h1>
            {message}
            <form method="post" action="{LoginPath}">
              <input type="hidden" name="returnUrl" value="{encoder.Encode(LocalOrRoot(returnUrl))}">
              <label>User name <input name="username" value="{encoder.Encode(userName ?? "")}" autofocus></label>
              <label>Password <input name="password" type="password"></label>
              <button type="submit">Sign in</button>
            </form>
            """);
    }

    private static IResult Html(string body) => Results.Content(
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Test identity provider</title></head><body>{body}</body></html>",
        "text/html; charset=utf-8");
}
