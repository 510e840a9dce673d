using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Chatbot.ApiService.Memory.Archive;

/// <summary>
/// Hot memory backed by a durable archive. Writes go to the hot store, then to the archive
/// through the <see cref="ArchiveQueue"/> (never waited for). A hot miss (expired, evicted, a
/// restarted Redis) is rehydrated from the archive (a hot-memory miss). Archive reads are bounded by
/// <see cref="MemoryOptions.ArchiveReadTimeout"/>, and after two failures a circuit breaker
/// skips them for a while: an archive outage costs a chat at most a timeout or two, then nothing.
/// </summary>
public sealed class ArchivedConversationStore(
    IConversationStore hot,
    IConversationStore archive,
    ArchiveQueue queue,
    HotMemoryMetrics metrics,
    IOptions<MemoryOptions> options,
    ILogger<ArchivedConversationStore> logger) : IConversationStore
{
    private readonly ResiliencePipeline _reads = new ResiliencePipelineBuilder()
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(15),
        })
        .AddTimeout(options.Value.ArchiveReadTimeout)
        .Build();

    public string Name => $"{hot.Name} + {archive.Name} archive";

    public async Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var turns = await hot.GetTurnsAsync(key, cancellationToken);
        return turns.Count > 0 ? turns : await RehydrateAsync(key, cancellationToken);
    }

    public async Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken)
    {
        ConversationTurn[] identified = [.. turns.Select(turn => turn.Id is null ? turn with { Id = Guid.CreateVersion7().ToString("N") } : turn)];
        await hot.AppendAsync(key, identified, cancellationToken);
        queue.Enqueue(ArchiveWrite.Append(key, identified));
    }

    /// <summary>
    /// Both lists, merged: the hot one has what the queue has not written yet, the archive what
    /// has expired. The archive's title and count win, as it holds the whole conversation.
    /// </summary>
    public async Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken)
    {
        var window = new PageRequest(1, page.Page * page.PageSize);
        var recent = await hot.ListAsync(owner, window, cancellationToken);
        var (answered, archived) = await ReadArchiveAsync((store, token) => store.ListAsync(owner, window, token), cancellationToken);
        if (!answered || archived.Total == 0)
        {
            return page.Slice(recent.Items, recent.Total);
        }

        var merged = archived.Items.ToDictionary(summary => summary.ConversationId);
        var recentOnly = 0;
        foreach (var summary in recent.Items)
        {
            if (merged.TryGetValue(summary.ConversationId, out var known))
            {
                merged[summary.ConversationId] = known with
                {
                    UpdatedAt = Max(known.UpdatedAt, summary.UpdatedAt),
                    Turns = Math.Max(known.Turns, summary.Turns),
                };
            }
            else
            {
                merged[summary.ConversationId] = summary;
                recentOnly++;
            }
        }
        var newestFirst = merged.Values.OrderByDescending(summary => summary.UpdatedAt).ThenBy(summary => summary.ConversationId, StringComparer.Ordinal);
        return page.Slice(newestFirst, Math.Max(archived.Total + recentOnly, recent.Total));
    }

    /// <summary>Erases the hot copy now and the archived one through the queue, after any append still queued for it.</summary>
    public async Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var existed = await hot.DeleteAsync(key, cancellationToken);
        if (!existed)
        {
            var (answered, archived) = await ReadArchiveAsync((store, token) => store.GetTurnsAsync(key, token), cancellationToken);
            // An archive that does not answer might hold it: erase to be safe.
            existed = !answered || archived.Count > 0;
        }
        if (existed)
        {
            queue.Enqueue(ArchiveWrite.Delete(key));
        }
        return existed;
    }

    /// <summary>On the hot copy now (the caller's read rehydrated it), and on the archived turn through the queue, after its append.</summary>
    public async Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken)
    {
        var update = await hot.SetFeedbackAsync(key, runId, feedback, cancellationToken);
        if (update.Found)
        {
            queue.Enqueue(ArchiveWrite.SetFeedback(key, runId, feedback));
        }
        return update;
    }

    public Task ConnectAsync(CancellationToken cancellationToken) => hot.ConnectAsync(cancellationToken);

    private async Task<IReadOnlyList<ConversationTurn>> RehydrateAsync(ConversationKey key, CancellationToken cancellationToken)
    {
        var (_, archived) = await ReadArchiveAsync((store, token) => store.GetTurnsAsync(key, token), cancellationToken);
        if (archived is { Count: > 0 })
        {
            metrics.Miss();
            await hot.AppendAsync(key, archived, cancellationToken);
            logger.LogInformation("Conversation {ConversationId} rehydrated from the archive: {Turns} turns", key.ConversationId, archived.Count);
            return archived;
        }
        return [];
    }

    private async Task<(bool Answered, T Value)> ReadArchiveAsync<T>(Func<IConversationStore, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            // WaitAsync: the timeout holds even for an archive that ignores cancellation.
            return (true, await _reads.ExecuteAsync(async token => await read(archive, token).WaitAsync(token), cancellationToken));
        }
        catch (BrokenCircuitException)
        {
            return (false, default!);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "The archive ({Archive}) did not answer; going on without it", archive.Name);
            return (false, default!);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
