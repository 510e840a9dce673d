using Chatbot.ApiService.Live;

namespace Chatbot.ApiService.Endpoints;

/// <summary>While the process drains, API requests get 503 with Retry-After so a client goes to another replica.</summary>
public sealed class DrainingMiddleware(RequestDelegate next, RunRegistry runs)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (runs.Draining && context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.Headers.RetryAfter = "2";
            await TypedResults.Problem("This replica is shutting down; try again.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Shutting down")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
