using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Chatbot.ApiService.Memory.Archive;

/// <summary>
/// Writes the queued changes to the archive in order, each retried with exponential backoff and
/// jitter; one that still fails is counted and logged, and the next goes on. Prepares the archive
/// (indexes) first, and on shutdown writes what is queued before the host stops.
/// </summary>
public sealed class ArchiveWriter(
    ArchiveQueue queue,
    [FromKeyedServices(ArchiveWriter.ArchiveKey)] IConversationStore archive,
    ArchiveMetrics metrics,
    IOptions<MemoryOptions> options,
    TimeProvider clock,
    ILogger<ArchiveWriter> logger) : BackgroundService
{
    /// <summary>The DI key of the durable store behind the queue.</summary>
    public const string ArchiveKey = "archive";

    private readonly ResiliencePipeline _retry = RetryPipeline(options.Value, clock);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PrepareAsync(stoppingToken);
        // Not stoppingToken: after StopAsync completes the queue, what is left is still written.
        await foreach (var write in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await WriteAsync(write, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        try
        {
            await (ExecuteTask ?? Task.CompletedTask).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("Shutdown came before the archive queue drained: {Pending} writes left", queue.Pending);
        }
        await base.StopAsync(cancellationToken);
    }

    private async Task PrepareAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _retry.ExecuteAsync(async token => await archive.ConnectAsync(token), stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The first write tries again; chats are unaffected either way.
            logger.LogError(exception, "The archive ({Archive}) could not be prepared", archive.Name);
        }
        catch (OperationCanceledException)
        {
            // Stopping before the archive was reachable.
        }
    }

    private async Task WriteAsync(ArchiveWrite write, CancellationToken stoppingToken)
    {
        try
        {
            await _retry.ExecuteAsync(async token =>
            {
                await archive.ConnectAsync(token);
                await write.ApplyToAsync(archive, token);
            }, stoppingToken);
        }
        catch (Exception exception)
        {
            var reason = stoppingToken.IsCancellationRequested ? ArchiveMetrics.ShuttingDown : ArchiveMetrics.RetriesExhausted;
            metrics.WriteFailed(write, reason);
            logger.LogError(exception, "Archive {Operation} of conversation {ConversationId} given up ({Reason})",
                write.Operation, write.Key.ConversationId, reason);
        }
    }

    private static ResiliencePipeline RetryPipeline(MemoryOptions options, TimeProvider clock) =>
        new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Exception is not null and not OperationCanceledException),
                MaxRetryAttempts = options.ArchiveMaxRetries,
                Delay = options.ArchiveRetryDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .Build();
}
