using System.Threading.Channels;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Chatbot.ApiService.Telemetry;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// The one owner of an answer's life: starts it (in the caller's own conversation of that id; a
/// resumable one counts against the caller's open answers, and runs journaled and detached from
/// its request), resumes it from the run store on any replica, and stops it wherever it runs.
/// Endpoints only translate HTTP into these calls and their results back into HTTP.
/// </summary>
public sealed class AnswerCoordinator(
    ChatTurnRunner runner,
    ResumableRuns resumable,
    IRunStore runs,
    RunCancellations cancellations,
    ChatbotMetrics metrics,
    ILogger<AnswerCoordinator> logger)
{
    /// <summary>
    /// Starts answering. An ordinary answer is cancelled when <paramref name="clientGone"/> fires;
    /// a resumable one only by <see cref="CancelAsync"/>, its budget or shutdown.
    /// </summary>
    public async Task<AnswerStart> StartAsync(AskCommand command, CancellationToken clientGone)
    {
        var turn = new ChatTurn(command.Question, command.ConversationId ?? Guid.NewGuid().ToString("N"), command.Caller);
        var sink = new RunEventSink(command.Events);
        sink.Start(turn.ConversationId, turn.RunId, turn.Question);
        if (command.Resumable && resumable.IsEnabled)
        {
            var start = await resumable.StartAsync(turn, sink, runner.StartAsync, clientGone);
            return start.Live is { } live ? new AnswerStart(AnswerStartStatus.Started, live, turn, start.Journaled) : AnswerStart.TooMany;
        }
        _ = runner.StartAsync(turn, sink, clientGone);
        return new AnswerStart(AnswerStartStatus.Started, sink.Reader, turn);
    }

    /// <summary>The run's events after <paramref name="after"/>: replayed from the store, then live until its end.</summary>
    public async Task<ResumeResult> ResumeAsync(string runId, long after, AltecoContext caller, CancellationToken clientGone)
    {
        var run = await runs.GetAsync(runId, clientGone);
        var status = ResumeRules.Judge(run, after, caller.Owner);
        metrics.StreamResumed(ResumeRules.MetricName(status));
        if (status != ResumeStatus.Resumed)
        {
            return new ResumeResult(status, run);
        }
        var events = Channel.CreateUnbounded<StreamEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _ = PumpAsync(runs.FollowAsync(runId, after, clientGone), events.Writer, runId);
        return new ResumeResult(status, run, events.Reader);
    }

    /// <summary>Stops one of the caller's runs on whichever replica produces it: at once when it is here, else through the store.</summary>
    public async Task<CancelResult> CancelAsync(string runId, AltecoContext caller, CancellationToken cancellationToken)
    {
        var run = await runs.GetAsync(runId, cancellationToken);
        if (run is null || run.Owner != caller.Owner)
        {
            return new CancelResult(CancelStatus.NotFound);
        }
        if (run.HasEnded || !await runs.RequestCancelAsync(runId, cancellationToken))
        {
            return new CancelResult(CancelStatus.AlreadyEnded, run);
        }
        var here = cancellations.Cancel(runId);
        logger.LogInformation("Run {RunId}: its owner asked to stop it (produced {Where})", runId, here ? "here" : "on another replica");
        return new CancelResult(CancelStatus.Cancelling, run);
    }

    /// <summary>The answer's text and terminal event, once it has ended (memory holds the turn by then).</summary>
    public static async Task<(string Answer, StreamEvent? Terminal)> ReadToEndAsync(ChannelReader<StreamEvent> events)
    {
        var answer = new System.Text.StringBuilder();
        StreamEvent? last = null;
        await foreach (var streamEvent in events.ReadAllAsync())
        {
            if (streamEvent.Type == StreamEventType.Token)
            {
                answer.Append(streamEvent.Content);
            }
            last = streamEvent;
        }
        return (answer.ToString(), last);
    }

    /// <summary>Feeds a resumed stream from the store; a store failure ends it without a terminal event, so the client tries again.</summary>
    private async Task PumpAsync(IAsyncEnumerable<StreamEvent> followed, ChannelWriter<StreamEvent> events, string runId)
    {
        try
        {
            await foreach (var streamEvent in followed)
            {
                events.TryWrite(streamEvent);
            }
        }
        catch (OperationCanceledException)
        {
            // The client left again.
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Resuming run {RunId} failed; the client will try again", runId);
        }
        finally
        {
            events.TryComplete();
        }
    }
}
