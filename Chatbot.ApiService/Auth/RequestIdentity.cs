using Chatbot.ApiService.Context;

namespace Chatbot.ApiService.Auth;

/// <summary>
/// The endpoint filter on the chatbot API: resolves who asks before any work, answers 401 for an
/// untrusted caller, and keeps the identity for the handler.
/// </summary>
public sealed class RequestIdentity(IdentityResolver resolver) : IEndpointFilter
{
    private static readonly object Key = new();

    public static AltecoContext Of(HttpContext context) =>
        context.Items[Key] as AltecoContext ?? throw new InvalidOperationException("The identity filter did not run.");

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var identity = resolver.Resolve(context.HttpContext);
        if (identity is null)
        {
            return TypedResults.Problem("This caller is not trusted to say who the user is.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }
        context.HttpContext.Items[Key] = identity;
        return await next(context);
    }
}
