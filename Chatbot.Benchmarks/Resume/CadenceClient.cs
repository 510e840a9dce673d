using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Net;
using Chatbot.ApiService.Streaming;
using Chatbot.Benchmarks.Client;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Benchmarks.Resume;

/// <summary>Reads whole answers and times every token frame's arrival, never throwing.</summary>
public sealed class CadenceClient(TimeSpan requestTimeout) : IDisposable
{
    /// <summary>Token frames closer than this came in one delivery (one journal append, one flush).</summary>
    public const double DeliveryGapMs = 2;

    private readonly HttpClient _http = StreamHttpClient.Create();

    public async Task<CadenceOutcome> AskAsync(StreamTarget target, string conversationId, int user)
    {
        using var timeout = new CancellationTokenSource(requestTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var request = target.CreateRequest(conversationId, user);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return CadenceOutcome.Failed($"HTTP {(int)response.StatusCode}");
            }
            if (target.Resumable && !StreamClient.IsJournaled(response))
            {
                return CadenceOutcome.Failed("not journaled");
            }
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await ReadAsync(body, started, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return CadenceOutcome.Failed("timeout");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            return CadenceOutcome.Failed(exception.GetType().Name);
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<CadenceOutcome> ReadAsync(Stream body, long started, CancellationToken cancellationToken)
    {
        var (first, last, tokens, deliveries, longestPause) = (0L, 0L, 0, 0, 0.0);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            switch (item.EventType)
            {
                case StreamEventTypes.Token:
                    var now = Stopwatch.GetTimestamp();
                    var pause = tokens == 0 ? double.PositiveInfinity : Stopwatch.GetElapsedTime(last, now).TotalMilliseconds;
                    first = tokens++ == 0 ? now : first;
                    deliveries += pause > DeliveryGapMs ? 1 : 0;
                    longestPause = double.IsFinite(pause) ? Math.Max(longestPause, pause) : longestPause;
                    last = now;
                    break;
                case StreamEventTypes.Complete:
                    return tokens == 0 ? CadenceOutcome.Failed("no tokens") : new CadenceOutcome(
                        Stopwatch.GetElapsedTime(started, first).TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                        tokens, longestPause, deliveries, null);
                case StreamEventTypes.Error:
                    return CadenceOutcome.Failed("error event");
            }
        }
        return CadenceOutcome.Failed("ended without complete");
    }
}
