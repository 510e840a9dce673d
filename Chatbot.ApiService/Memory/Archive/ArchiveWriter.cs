using Chatbot.ApiService.Live;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Chatbot.ApiService.Memory.Archive;

/// <summary>
/// Writes the queued changes to the archive in order, each retried with exponential backoff and
/// jitter; one that still fails is counted and logged, and the next goes on. Prepares the archive
/// (indexes) first, and on shutdown writes what is queued, within the drain time
/// (<see cref="ShutdownOptions.DrainTime"/>, counted from the moment the host began stopping): an
/// archive that does not answer then has what is left given up, counted and logged, rather than
/// holding the stop until the host's own limit.
/// </summary>
public sealed class ArchiveWriter(
    ArchiveQueue queue,
    [FromKeyedServices(ArchiveWriter.ArchiveKey)] IConversationStore archive,
    ArchiveMetrics metrics,
    IOptions<MemoryOptions> options,
    IOptions<ShutdownOptions> shutdown,
    IHostApplicationLifetime lifetime,
    TimeProvider clock,
    ILogger<ArchiveWriter> logger) : BackgroundService
{
    /// <summary>The DI key of the durable store behind the queue.</summary>
    public const string ArchiveKey = "archive";

    private readonly ResiliencePipeline _retry = RetryPipeline(options.Value, clock);
    private readonly CancellationTokenSource _drainOver = new(Timeout.InfiniteTimeSpan, clock);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(() => _drainOver.CancelAfter(shutdown.Value.DrainTime));
        await PrepareAsync(stoppingToken);
        // Not stoppingToken: after StopAsync completes the queue, what is left is still written.
        await foreach (var write in queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await WriteAsync(write, stoppingToken);
        }
    }

    /// <summary>Writes what is queued until the drain time is over; then cancels the write in flight and gives up the rest.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _drainOver.Token);
        try
        {
            await (ExecuteTask ?? Task.CompletedTask).WaitAsync(drain.Token);
        }
        catch (OperationCanceledException)
        {
            logger.LogError("The drain time ended before the archive queue drained: {Pending} writes left are given up", queue.Pending);
        }
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _drainOver.Dispose();
        base.Dispose();
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
