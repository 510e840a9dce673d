using Chatbot.ApiService.Live;
using Chatbot.ApiService.Runs;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// Starts runs whose client opted in to resuming: detached from the request (only a stop request
/// or the budget ends them), journaled in the run store, and streamed live from the journal.
/// Each counts against its owner's open answers (the same limit as open streams) on every replica
/// that shares the store: without that a client could start answers and hang up, again and
/// again, each one still calling the model.
/// </summary>
public sealed class ResumableRuns(
    IRunStore store,
    RunCancellations cancellations,
    IOptions<ResumableRunOptions> options,
    IOptions<RateLimitOptions> limits,
    TimeProvider clock,
    ILogger<ResumableRuns> logger)
{
    /// <summary>False with <c>Chatbot:Runs:Enabled=false</c>: every answer is then cancelled when its client leaves.</summary>
    public bool IsEnabled => options.Value.Enabled;

    /// <summary>
    /// Opens the run with the start event <paramref name="sink"/> holds, then starts producing,
    /// unless the user already has as many running as allowed (<see cref="ResumableStart.TooMany"/>:
    /// nothing was started). When the store could not take the run, it streams the ordinary way,
    /// cancelled when <paramref name="clientGone"/> fires: a store outage never stops a chat.
    /// </summary>
    public async Task<ResumableStart> StartAsync(ChatTurn turn, RunEventSink sink, AnswerProducer produce, CancellationToken clientGone)
    {
        var run = RunRecord.Started(turn.RunId, turn.ConversationId, turn.Identity.Owner, clock.GetUtcNow());
        var journal = new RunJournal(run, sink.Reader, store, () => cancellations.Cancel(turn.RunId), options.Value, clock, logger);
        var opening = await journal.OpenAsync(limits.Value.ConcurrentStreamsPerUser, clientGone);
        if (opening == JournalOpening.TooMany)
        {
            return ResumableStart.TooMany;
        }
        var journaled = opening == JournalOpening.Journaled;
        var stop = journaled ? cancellations.Register(turn.RunId) : clientGone;
        _ = RunAsync(turn, sink, produce, journal, stop);
        return new ResumableStart(journal.Live, Journaled: journaled);
    }

    private async Task RunAsync(ChatTurn turn, RunEventSink sink, AnswerProducer produce, RunJournal journal, CancellationToken stop)
    {
        try
        {
            await using var keepAlive = RunKeepAlive.Start(options.Value.Lease / 3, clock, journal.RenewLeaseAsync);
            await Task.WhenAll(produce(turn, sink, stop), journal.RunAsync());
        }
        finally
        {
            cancellations.Remove(turn.RunId);
        }
    }
}
