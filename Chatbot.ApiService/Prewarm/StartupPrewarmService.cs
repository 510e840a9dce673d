using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Prewarm;

/// <summary>Warms the process up as it starts (unless <c>Chatbot:Prewarm:OnStartup</c> is false), without delaying start-up.</summary>
public sealed class StartupPrewarmService(PrewarmService prewarm, IOptions<PrewarmOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.OnStartup ? prewarm.WarmAsync() : Task.CompletedTask;
}
