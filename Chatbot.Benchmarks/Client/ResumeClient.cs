using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.ServerSentEvents;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// The client side of a dropped connection: starts a resumable run, reads its first events and
/// goes away, then resumes it by run id with <c>Last-Event-ID</c>. Each call has its own timeout.
/// </summary>
public sealed class ResumeClient(TimeSpan requestTimeout) : IDisposable
{
    private readonly HttpClient _http = StreamHttpClient.Create();

    /// <summary>Reads <paramref name="dropAfter"/> events of a new resumable run, then closes the connection mid-stream.</summary>
    public async Task<DroppedRun> StartAndDropAsync(StreamTarget target, string conversationId, int user, int dropAfter)
    {
        using var timeout = new CancellationTokenSource(requestTimeout);
        using var request = target.CreateRequest(conversationId, user);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        if (!StreamClient.IsJournaled(response))
        {
            throw new InvalidOperationException("The API did not journal the run (no X-Stream-Resumable: true).");
        }
        var runId = response.Headers.GetValues(StreamHeaders.RunId).Single();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        long last = 0;
        var tokens = 0;
        await foreach (var item in SseParser.Create(body).EnumerateAsync(timeout.Token))
        {
            last = Sequence(item);
            tokens += item.EventType == StreamEventTypes.Token ? 1 : 0;
            if (item.EventType is StreamEventTypes.Complete or StreamEventTypes.Error)
            {
                throw new InvalidOperationException($"The run ended ({item.EventType}) before {dropAfter} events: nothing left to resume.");
            }
            if (last >= dropAfter)
            {
                break;
            }
        }
        // Disposing a response that is still streaming closes its connection: the server sees the client go.
        return new DroppedRun(runId, last, tokens);
    }

    /// <summary>
    /// Resumes <paramref name="run"/> after its last event. Without <paramref name="readToEnd"/> it
    /// stops at the first replayed event; with it, it reads on to <c>complete</c>, checking that no
    /// sequence number is missing or repeated.
    /// </summary>
    public async Task<ResumeOutcome> ResumeAsync(StreamTarget target, DroppedRun run, int user, bool readToEnd)
    {
        using var timeout = new CancellationTokenSource(requestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = target.CreateResumeRequest(run.RunId, run.LastSequence, user);
            // Closed after the answer, so the next resume connects anew, as a client coming back after a drop does.
            request.Headers.ConnectionClose = true;
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var headersMs = Elapsed(started);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return ResumeOutcome.Failed($"HTTP {(int)response.StatusCode}");
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await ReadReplayAsync(SseParser.Create(body).EnumerateAsync(timeout.Token), run, started, headersMs, readToEnd);
        }
        catch (OperationCanceledException)
        {
            return ResumeOutcome.Failed("timeout");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return ResumeOutcome.Failed(exception.GetType().Name);
        }
        catch (InvalidOperationException exception)
        {
            return ResumeOutcome.Failed(exception.Message);
        }
    }

    /// <summary>Asks the API to stop a run; 202 when it was still running, 409 when it had ended.</summary>
    public async Task<HttpStatusCode> CancelAsync(StreamTarget target, string runId, int user)
    {
        using var timeout = new CancellationTokenSource(requestTimeout);
        using var request = target.CreateCancelRequest(runId, user);
        using var response = await _http.SendAsync(request, timeout.Token);
        return response.StatusCode;
    }

    public void Dispose() => _http.Dispose();

    private static async Task<ResumeOutcome> ReadReplayAsync(IAsyncEnumerable<SseItem<string>> items, DroppedRun run, long started, double headersMs, bool readToEnd)
    {
        var first = ResumeOutcome.Failed("no events");
        var expected = run.LastSequence + 1;
        var tokens = 0;
        await foreach (var item in items)
        {
            var sequence = Sequence(item);
            if (sequence != expected)
            {
                return ResumeOutcome.Failed($"event {sequence} where {expected} was due");
            }
            if (expected++ == run.LastSequence + 1)
            {
                first = new ResumeOutcome(headersMs, Elapsed(started), sequence, 0, null);
                if (!readToEnd)
                {
                    return first;
                }
            }
            switch (item.EventType)
            {
                case StreamEventTypes.Token:
                    tokens++;
                    break;
                case StreamEventTypes.Complete:
                    return first with { Tokens = tokens };
                case StreamEventTypes.Error:
                    return ResumeOutcome.Failed("error event");
            }
        }
        return readToEnd ? ResumeOutcome.Failed("ended without complete") : first;
    }

    private static long Sequence(SseItem<string> item) =>
        long.TryParse(item.EventId, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : throw new InvalidOperationException($"A {item.EventType} event without a sequence number (id: '{item.EventId}').");

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
