using Chatbot.ApiService.Limits;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// Starts runs whose client opted in to resuming: detached from the request (only a stop request
/// or the budget ends them), journaled in the run store, and streamed live from the journal.
/// </summary>
public sealed class ResumableRuns(
    IRunStore store,
    RunCancellations cancellations,
    RunningAnswersLimiter limiter,
    IOptions<ResumableRunOptions> options,
    TimeProvider clock,
    ILogger<ResumableRuns> logger)
{
    /// <summary>False with <c>Chatbot:Runs:Enabled=false</c>: every answer is then cancelled when its client leaves.</summary>
    public bool IsEnabled => options.Value.Enabled;

    /// <summary>
    /// Starts the run, unless the user already has as many running as allowed
    /// (<see cref="ResumableStart.Refused"/>). <see cref="ResumableStart.Live"/> is null when the
    /// store could not take the run: the caller then streams it the ordinary way (a store outage
    /// never stops a chat).
    /// </summary>
    public async Task<ResumableStart> TryStartAsync(ChatTurn turn, RunEventSink sink, AnswerProducer produce, CancellationToken cancellationToken)
    {
        var slot = await limiter.TryAcquireAsync(turn.Identity.Owner, turn.RunId, options.Value.Lease);
        if (!slot.IsAcquired)
        {
            return ResumableStart.TooMany;
        }
        try
        {
            await store.CreateAsync(RunRecord.Started(turn.RunId, turn.ConversationId, turn.Identity.Owner, clock.GetUtcNow()), cancellationToken);
        }
        catch (Exception exception)
        {
            await slot.DisposeAsync();
            if (exception is OperationCanceledException)
            {
                throw;
            }
            logger.LogWarning(exception, "Run {RunId} is not resumable: the {Store} run store did not take it", turn.RunId, store.Name);
            return ResumableStart.NotJournaled;
        }
        var stop = cancellations.Register(turn.RunId);
        var journal = new RunJournal(turn.RunId, sink.Reader, store, () => cancellations.Cancel(turn.RunId), options.Value, clock, logger);
        _ = RunAsync(turn, sink, produce, journal, slot, stop);
        return new ResumableStart(journal.Live, Refused: false);
    }

    private async Task RunAsync(ChatTurn turn, RunEventSink sink, AnswerProducer produce, RunJournal journal, OpenAnswerSlot slot, CancellationToken stop)
    {
        try
        {
            await using var keepAlive = RunKeepAlive.Start(options.Value.Lease / 3, clock, async renewal =>
            {
                await journal.RenewLeaseAsync(renewal);
                await slot.RenewAsync(renewal);
            });
            await Task.WhenAll(produce(turn, sink, stop), journal.RunAsync());
        }
        finally
        {
            cancellations.Remove(turn.RunId);
            await slot.DisposeAsync();
        }
    }
}
