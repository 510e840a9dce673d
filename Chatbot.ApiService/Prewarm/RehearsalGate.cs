using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Lets the warm-up's own questions through as rehearsals: a question (<c>POST ask_stream</c>)
/// that <see cref="Rehearsal.IsOwn"/> recognises is asked by the rehearser, answered by
/// <see cref="RehearsalAnswers"/>, and kept out of the exported traces and HTTP metrics. On any
/// other endpoint the key means nothing. Runs after authentication, before authorization.
/// </summary>
public sealed class RehearsalGate(RequestDelegate next, Rehearsal rehearsal, RehearsalAnswers answers)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.ContainsKey(Rehearsal.KeyHeader) && IsQuestion(context) && rehearsal.IsOwn(context))
        {
            context.User = rehearsal.Rehearser;
            context.RequestServices = answers.Serving(context.RequestServices);
            HideFromTelemetry(context);
        }
        return next(context);
    }

    private static bool IsQuestion(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
        && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } route } && route.EndsWith("/ask_stream", StringComparison.Ordinal);

    /// <summary>As OpenTelemetry's own request filter does: the request's span and everything under it is not recorded.</summary>
    private static void HideFromTelemetry(HttpContext context)
    {
        if (Activity.Current is { } span)
        {
            span.IsAllDataRequested = false;
            span.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }
        if (context.Features.Get<IHttpMetricsTagsFeature>() is { } metrics)
        {
            metrics.MetricsDisabled = true;
        }
    }
}
