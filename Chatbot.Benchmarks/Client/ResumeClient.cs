using System.Diagnostics;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// The client side of a dropped connection, with the one stream client: starts a resumable run,
/// reads its first events and goes away, then resumes it by run id with <c>Last-Event-ID</c>.
/// Each call has its own timeout.
/// </summary>
public sealed class ResumeClient : IDisposable
{
    private readonly TimeSpan _requestTimeout;
    private readonly HttpClient _http = StreamHttpClient.Create();
    private readonly ChatStreamClient _answers;

    public ResumeClient(TimeSpan requestTimeout)
    {
        _requestTimeout = requestTimeout;
        _answers = new ChatStreamClient(_http);
    }

    /// <summary>Reads <paramref name="dropAfter"/> events of a new resumable run, then closes the connection mid-stream.</summary>
    public async Task<DroppedRun> StartAndDropAsync(StreamTarget target, string conversationId, int user, int dropAfter)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        var watch = new StreamWatch();
        string? runId = null;
        long last = 0;
        var tokens = 0;
        await foreach (var streamEvent in _answers.AskAsync(target.Ask(conversationId), target.As(user, watch), timeout.Token))
        {
            if (!watch.Journaled)
            {
                throw new InvalidOperationException("The API did not journal the run (no X-Stream-Resumable: true).");
            }
            if (streamEvent.IsTerminal || streamEvent.Type == ChatStreamEvent.ReconnectingType)
            {
                throw new InvalidOperationException($"The run ended or broke ({streamEvent.Type}) before {dropAfter} events: nothing left to resume.");
            }
            runId ??= streamEvent.Field(StreamEventFields.RunId);
            last = streamEvent.Sequence;
            tokens += streamEvent.Type == StreamEventTypes.Token ? 1 : 0;
            if (last >= dropAfter)
            {
                // Leaving the stream closes its connection: the server sees the client go.
                break;
            }
        }
        return new DroppedRun(runId ?? throw new InvalidOperationException("The run's start event named no run."), last, tokens);
    }

    /// <summary>
    /// Resumes <paramref name="run"/> after its last event, in one attempt on a new connection.
    /// Without <paramref name="readToEnd"/> it stops at the first replayed event; with it, it reads
    /// on to <c>complete</c>. Every event must follow the one before, none missing or repeated.
    /// </summary>
    public async Task<ResumeOutcome> ResumeAsync(StreamTarget target, DroppedRun run, int user, bool readToEnd)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        var watch = new StreamWatch(after: run.LastSequence);
        // Closed after the answer, so the next resume connects anew, as a client coming back after a drop does.
        var options = target.As(user, watch) with { Prepare = request => { target.Address(request, user); request.Headers.ConnectionClose = true; } };
        var started = Stopwatch.GetTimestamp();
        ResumeOutcome? first = null;
        var tokens = 0;
        try
        {
            await foreach (var streamEvent in _answers.ResumeAsync(run.RunId, run.LastSequence, options, timeout.Token))
            {
                if (Failure(watch, streamEvent) is { } failure)
                {
                    return ResumeOutcome.Failed(failure);
                }
                first ??= new ResumeOutcome(Stopwatch.GetElapsedTime(started, watch.HeadersAt).TotalMilliseconds, Elapsed(started), streamEvent.Sequence, 0, null);
                if (!readToEnd)
                {
                    return first.Value;
                }
                tokens += streamEvent.Type == StreamEventTypes.Token ? 1 : 0;
                if (streamEvent.Type == StreamEventTypes.Complete)
                {
                    return first.Value with { Tokens = tokens };
                }
            }
            return ResumeOutcome.Failed(readToEnd ? "ended without complete" : "no events");
        }
        catch (Exception exception) when (StreamErrors.Describe(exception) is { } error)
        {
            return ResumeOutcome.Failed(error);
        }
    }

    /// <summary>Asks the API to stop a run; true when it was still running (202).</summary>
    public async Task<bool> CancelAsync(StreamTarget target, string runId, int user)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        try
        {
            return await _answers.CancelRunAsync(runId, target.As(user), timeout.Token);
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>What makes a measured resume a failure: more than one attempt, a gap or repeat, a break, an error event.</summary>
    private static string? Failure(StreamWatch watch, ChatStreamEvent streamEvent) => streamEvent.Type switch
    {
        _ when watch.Resumes > 1 => $"{watch.Resumes} resume attempts",
        _ when watch.SequenceError is { } error => error,
        ChatStreamEvent.ReconnectingType => "stream broke",
        StreamEventTypes.Error => "error event",
        _ => null,
    };

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
