using System.Diagnostics;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// The load client: one HttpClient (HTTP/1.1, a connection per concurrent stream, no proxy),
/// frames read with <see cref="SseParser"/>, times taken with <see cref="Stopwatch"/>.
/// </summary>
public sealed class StreamClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly TimeSpan _requestTimeout;

    public StreamClient(TimeSpan requestTimeout)
    {
        _requestTimeout = requestTimeout;
        _http = StreamHttpClient.Create();
    }

    /// <summary>Sends one request and reads its stream to the end, never throwing.</summary>
    public async Task<StreamOutcome> AskAsync(StreamTarget target, string conversationId, int user = 0, StreamGauge? gauge = null)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        var started = Stopwatch.GetTimestamp();
        long firstToken = 0;
        var tokens = 0;
        var opened = false;
        gauge?.Sent();
        try
        {
            using var request = target.CreateRequest(conversationId, user);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return StreamOutcome.Failed(Elapsed(started), 0, $"HTTP {(int)response.StatusCode}");
            }
            if (target.Resumable && !IsJournaled(response))
            {
                return StreamOutcome.Failed(Elapsed(started), 0, "not journaled");
            }
            gauge?.Opened();
            opened = true;
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(timeout.Token))
            {
                switch (item.EventType)
                {
                    case StreamEventTypes.Token:
                        if (tokens++ == 0)
                        {
                            firstToken = Stopwatch.GetTimestamp();
                        }
                        break;
                    case StreamEventTypes.Complete:
                        return WithServerFigures(Finished(started, firstToken, tokens), item.Data);
                    case StreamEventTypes.Error:
                        return StreamOutcome.Failed(Elapsed(started), tokens, "error event");
                }
            }
            return target.EndsWithComplete
                ? StreamOutcome.Failed(Elapsed(started), tokens, "ended without complete")
                : Finished(started, firstToken, tokens);
        }
        catch (OperationCanceledException)
        {
            return StreamOutcome.Failed(Elapsed(started), tokens, "timeout");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return StreamOutcome.Failed(Elapsed(started), tokens, exception.GetType().Name);
        }
        finally
        {
            gauge?.Closed(opened);
        }
    }

    /// <summary>The token contents of one answer: what the baseline will send.</summary>
    public async Task<IReadOnlyList<string>> ReadTokensAsync(StreamTarget target)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        using var request = target.CreateRequest($"bench-probe-{Guid.NewGuid():N}", user: 0);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        var tokens = new List<string>();
        await foreach (var item in SseParser.Create(body).EnumerateAsync(timeout.Token))
        {
            if (item.EventType == StreamEventTypes.Token)
            {
                using var json = JsonDocument.Parse(item.Data);
                tokens.Add(json.RootElement.GetProperty(StreamEventFields.Content).GetString() ?? "");
            }
        }
        return tokens;
    }

    public void Dispose() => _http.Dispose();

    /// <summary>The API journaled this run: it can be resumed by its run id.</summary>
    public static bool IsJournaled(HttpResponseMessage response) =>
        response.Headers.TryGetValues(StreamHeaders.ResumableRun, out var values) && values.Contains("true");

    private static StreamOutcome Finished(long started, long firstToken, int tokens) => tokens == 0
        ? StreamOutcome.Failed(Elapsed(started), 0, "no tokens")
        : new StreamOutcome(Stopwatch.GetElapsedTime(started, firstToken).TotalMilliseconds, Elapsed(started), tokens, null);

    /// <summary>The server's time to first token and the answer's cost, from the <c>complete</c> event.</summary>
    private static StreamOutcome WithServerFigures(StreamOutcome outcome, string completeData)
    {
        using var json = JsonDocument.Parse(completeData);
        var root = json.RootElement;
        var usage = root.GetProperty(StreamEventFields.Usage);
        return outcome with
        {
            ServerTimeToFirstTokenMs = root.TryGetProperty(StreamEventFields.TimeToFirstTokenMs, out var ttft) && ttft.ValueKind == JsonValueKind.Number ? ttft.GetDouble() : double.NaN,
            // Builds before model calls were counted report none.
            ModelCalls = usage.TryGetProperty(StreamEventFields.ModelCalls, out var calls) ? calls.GetInt32() : 0,
            InputTokens = usage.GetProperty(StreamEventFields.InputTokens).GetInt64(),
        };
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
