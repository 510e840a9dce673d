using Chatbot.ApiService.Live;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Answers;

/// <summary>On SIGTERM: refuse new questions with 503, give answers in flight the drain time, then end them.</summary>
public sealed class GracefulShutdown(IHostApplicationLifetime lifetime, RunRegistry runs, IOptions<ShutdownOptions> options, ILogger<GracefulShutdown> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(() =>
        {
            logger.LogInformation("Stopping: refusing new questions, {Active} answers in flight get {DrainTime}", runs.Active, options.Value.DrainTime);
            runs.BeginDraining(options.Value.DrainTime);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
