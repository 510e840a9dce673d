using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Warms the process as it starts (unless <c>Chatbot:Prewarm:OnStartup</c> is false), without
/// delaying start-up; then keeps it warm: a component that failed is tried again after
/// <see cref="PrewarmOptions.RetryDelay"/>, doubling up to <see cref="PrewarmOptions.MaxRetryDelay"/>,
/// and a process quiet for <see cref="PrewarmOptions.RewarmWhenQuietFor"/> is warmed again.
/// </summary>
public sealed class StartupPrewarmService(PrewarmService prewarm, IOptions<PrewarmOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.OnStartup)
        {
            await prewarm.WarmAsync();
        }
        var retry = settings.RetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            var failed = prewarm.Last is { AllWarm: false };
            await Task.Delay(failed ? retry : QuietCheck(settings), clock, stoppingToken);
            if (prewarm.Last is null)
            {
                continue; // nothing warmed yet: the first /prewarm or question does it
            }
            var report = await prewarm.WarmAsync();
            retry = report.AllWarm ? settings.RetryDelay : Min(retry * 2, settings.MaxRetryDelay);
        }
    }

    /// <summary>How often to look whether the process has gone quiet: a quarter of the quiet time.</summary>
    private static TimeSpan QuietCheck(PrewarmOptions settings) =>
        settings.RewarmWhenQuietFor > TimeSpan.Zero ? settings.RewarmWhenQuietFor / 4 : settings.MaxRetryDelay;

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
