namespace Chatbot.ApiService.Memory;

/// <summary>Logs once at start-up which stores the API uses, so a fallback is never silent.</summary>
public sealed class StoreStatusLogger(StoreStatus status, ILogger<StoreStatusLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (status.Memory == StoreStatus.InProcessMemory || status.Archive == StoreStatus.NoArchive)
        {
            logger.LogWarning(
                "Running on embedded defaults: memory={Memory}, archive={Archive} (infrastructure {Infrastructure})",
                status.Memory, status.Archive, status.Infrastructure);
        }
        else
        {
            logger.LogInformation("Stores: memory={Memory}, archive={Archive} (infrastructure {Infrastructure})",
                status.Memory, status.Archive, status.Infrastructure);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
