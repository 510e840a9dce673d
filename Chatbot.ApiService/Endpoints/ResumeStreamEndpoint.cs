using System.Globalization;
using System.Threading.Channels;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Chatbot.ApiService.Telemetry;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>GET /ask_stream/{runId}</c>: the events of a resumable run after the client's last one
/// (<c>Last-Event-ID</c>, or <c>?after=</c> which wins), replayed from the run store and then
/// followed live until the run's terminal event, whichever replica produces it.
/// 204 when there is nothing to resume (unknown, expired, or already read to its end), 404 for
/// another owner's run, 410 when the events the client lacks were trimmed.
/// </summary>
public static class ResumeStreamEndpoint
{
    public const string LastEventIdHeader = "Last-Event-ID";
    public const string AfterQuery = "after";

    public static async Task<IResult> HandleAsync(
        string runId,
        HttpContext context,
        IRunStore store,
        ChatbotMetrics metrics,
        IOptions<StreamingOptions> streaming,
        ILogger<ResumableRuns> logger)
    {
        if (!RunIds.IsValid(runId))
        {
            return RunIds.Invalid();
        }
        if (ReadAfter(context.Request) is not { } after)
        {
            return InvalidPosition($"'{AfterQuery}' and {LastEventIdHeader} must be the sequence number (a whole number, 0 or more) of the last event the client has.");
        }

        var run = await store.GetAsync(runId, context.RequestAborted);
        var (outcome, refusal) = Refusal(run, after, CallerIdentity.Of(context.User).Owner);
        metrics.StreamResumed(outcome);
        if (refusal is not null)
        {
            return refusal;
        }
        var events = Channel.CreateUnbounded<StreamEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _ = PumpAsync(store.FollowAsync(runId, after, context.RequestAborted), events.Writer, runId, logger);
        return new SseStreamResult(events.Reader, TimeSpan.FromSeconds(streaming.Value.HeartbeatSeconds), runId, run!.ConversationId) { Resumable = true };
    }

    /// <summary>The query's <c>after</c>, else the header, else 0; null when either is malformed.</summary>
    private static long? ReadAfter(HttpRequest request)
    {
        var raw = request.Query.TryGetValue(AfterQuery, out var query) ? query.ToString() : request.Headers[LastEventIdHeader].ToString();
        if (raw.Length == 0)
        {
            return 0;
        }
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : null;
    }

    private static (string Outcome, IResult? Refusal) Refusal(RunRecord? run, long after, string owner)
    {
        if (run is null)
        {
            return ("unknown", TypedResults.NoContent());
        }
        if (run.Owner != owner)
        {
            return ("not_owner", RunIds.NotFound());
        }
        if (after > run.LastSequence)
        {
            // A client only ever gets events the store already has: this position was never sent.
            return ("beyond_end", InvalidPosition($"This run has sent {run.LastSequence} events so far; {after} is past them."));
        }
        if (run.HasEnded && after == run.LastSequence)
        {
            return ("read_to_end", TypedResults.NoContent());
        }
        if (after + 1 < run.FirstKeptSequence)
        {
            return ("trimmed", TypedResults.Problem(
                $"Events {after + 1} to {run.FirstKeptSequence - 1} of this run are no longer kept; it cannot be resumed without a gap.",
                statusCode: StatusCodes.Status410Gone,
                title: "Run events trimmed"));
        }
        return ("resumed", null);
    }

    private static IResult InvalidPosition(string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [AfterQuery] = [message] }, title: "Invalid resume position");

    /// <summary>Feeds the response from the store; a store failure ends the response without a terminal event, so the client tries again.</summary>
    private static async Task PumpAsync(IAsyncEnumerable<StreamEvent> followed, ChannelWriter<StreamEvent> events, string runId, ILogger logger)
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
