using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Readiness (<c>/health</c>, the only path it is put on) during the start-up warm-up: a probe
/// waits for it (it takes a second or two) and, should it still run after <see cref="WaitForWarmUp"/>,
/// hears 503 <c>Unhealthy</c> without the health checks running. The health check service logs every Unhealthy result as an
/// error, and a replica that is still starting has nothing wrong with it.
/// </summary>
public sealed class WarmUpGate(RequestDelegate next, PrewarmService prewarm, IOptions<PrewarmOptions> options, TimeProvider clock)
{
    /// <summary>Shorter than the probes' timeout (3 s, the AppHost's HealthProbes), so a probe hears an answer, not a timeout.</summary>
    public static readonly TimeSpan WaitForWarmUp = TimeSpan.FromSeconds(2);

    public async Task InvokeAsync(HttpContext context)
    {
        if (!await IsWarmAsync(context.RequestAborted))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.CacheControl = "no-store, no-cache";
            await context.Response.WriteAsync(nameof(HealthStatus.Unhealthy), context.RequestAborted);
            return;
        }
        await next(context);
    }

    private async Task<bool> IsWarmAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.OnStartup || prewarm.Last is not null)
        {
            return true;
        }
        if (prewarm.Current is { } warming)
        {
            // Timed out, the probe gone or the warm-up failed: all mean not warm yet.
            await warming.WaitAsync(WaitForWarmUp, clock, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        return prewarm.Last is not null;
    }
}
