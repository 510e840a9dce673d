using Chatbot.Contracts.Identity;
using Microsoft.AspNetCore.Authentication;

namespace Chatbot.Web.Identity;

/// <summary>
/// Gateway mode: a proven request that sends an identity field twice with different values gets
/// 400 naming the field, before any page or endpoint. Who the user is cannot be told, and the
/// sign-in page in its place would hide that the gateway (or a browser behind it) sent both.
/// </summary>
public static class GatewayConflicts
{
    public static IApplicationBuilder UseGatewayConflicts(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<WebIdentitySetup>().Mode == WebIdentityMode.Gateway ? app.Use(RefuseAsync) : app;

    /// <summary>Runs after authentication, whose result for this request is cached: the headers are read once.</summary>
    private static async Task RefuseAsync(HttpContext context, RequestDelegate next)
    {
        if ((await context.AuthenticateAsync()).Failure is IdentityHeaderConflict conflict)
        {
            await TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status400BadRequest, title: "Conflicting identity headers",
                extensions: new Dictionary<string, object?> { ["field"] = conflict.Field }).ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
