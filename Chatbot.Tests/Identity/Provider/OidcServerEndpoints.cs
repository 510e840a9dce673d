using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>The passthrough handlers OpenIddict hands the authorize, userinfo and end-session requests to.</summary>
internal sealed class OidcServerEndpoints(OidcProviderState state)
{
    public const string AuthorizePath = "/connect/authorize";
    public const string PushedAuthorizationPath = "/connect/par";
    public const string TokenPath = "/connect/token";
    public const string UserInfoPath = "/connect/userinfo";
    public const string EndSessionPath = "/connect/endsession";

    private const string ServerScheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public void Map(IEndpointRouteBuilder endpoints)
    {
        string[] getOrPost = [HttpMethods.Get, HttpMethods.Post];
        // The Delegate casts keep the returned IResult: the RequestDelegate overload would discard it.
        endpoints.MapMethods(AuthorizePath, getOrPost, (Delegate)AuthorizeAsync);
        endpoints.MapMethods(UserInfoPath, getOrPost, (Delegate)UserInfoAsync);
        endpoints.MapMethods(EndSessionPath, getOrPost, (Delegate)EndSessionAsync);
    }

    private async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not validate the authorization request.");
        var login = await context.AuthenticateAsync(OidcProviderState.LoginScheme);
        var user = login.Succeeded ? state.FindUser(login.Principal?.Identity?.Name) : null;
        if (user is null)
        {
            return request.HasPromptValue(PromptValues.None)
                ? Error(Errors.LoginRequired, "The user is not signed in at the test identity provider.")
                : Results.Redirect(OidcLoginEndpoints.LoginUrl(await AuthorizeUrlAsync(context)));
        }

        // OpenIddict has checked the client id against the clients registered from the state.
        var client = state.FindClient(request.ClientId)!;
        state.RecordSignIn(user.UserName);
        return Results.SignIn(OidcClaims.CreatePrincipal(user, client, request.GetScopes()), authenticationScheme: ServerScheme);
    }

    private async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var token = await context.AuthenticateAsync(ServerScheme);
        var user = state.FindUserBySubject(token.Principal?.GetClaim(Claims.Subject));
        return user is null
            ? Results.Challenge(ErrorProperties(Errors.InvalidToken, "The user no longer exists."), [ServerScheme])
            : Results.Json(OidcClaims.ToUserInfo(user));
    }

    private static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        await context.SignOutAsync(OidcProviderState.LoginScheme);
        // OpenIddict redirects to the validated post_logout_redirect_uri (with state); RedirectUri is the fallback.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = OidcLoginEndpoints.SignedOutPath }, [ServerScheme]);
    }

    // A POSTed authorization request is replayed as GET after the login, so its form becomes the query string.
    private static async Task<string> AuthorizeUrlAsync(HttpContext context)
    {
        var query = context.Request.HasFormContentType
            ? QueryString.Create(await context.Request.ReadFormAsync())
            : context.Request.QueryString;
        return context.Request.PathBase + context.Request.Path + query;
    }

    private static IResult Error(string error, string description) =>
        Results.Forbid(ErrorProperties(error, description), [ServerScheme]);

    private static AuthenticationProperties ErrorProperties(string error, string description) => new(
        new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
}
