using System.Diagnostics;
using Chatbot.Benchmarks.Client;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Resume;

/// <summary>Reads whole answers with the one stream client and times every token frame's arrival, never throwing.</summary>
public sealed class CadenceClient : IDisposable
{
    /// <summary>Token frames closer than this came in one delivery (one journal append, one flush).</summary>
    public const double DeliveryGapMs = 2;

    private readonly TimeSpan _requestTimeout;
    private readonly HttpClient _http = StreamHttpClient.Create();
    private readonly ChatStreamClient _answers;

    public CadenceClient(TimeSpan requestTimeout)
    {
        _requestTimeout = requestTimeout;
        _answers = new ChatStreamClient(_http);
    }

    public async Task<CadenceOutcome> AskAsync(StreamTarget target, string conversationId, int user)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        var watch = new StreamWatch();
        var started = Stopwatch.GetTimestamp();
        var (first, last, tokens, deliveries, longestPause) = (0L, 0L, 0, 0, 0.0);
        try
        {
            await foreach (var streamEvent in _answers.AskAsync(target.Ask(conversationId), target.As(user, watch), timeout.Token))
            {
                if (target.Resumable && !watch.Journaled)
                {
                    return CadenceOutcome.Failed("not journaled");
                }
                switch (streamEvent.Type)
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
                    case ChatStreamEvent.ReconnectingType:
                        return CadenceOutcome.Failed("stream broke");
                }
            }
            return CadenceOutcome.Failed("ended without complete");
        }
        catch (Exception exception) when (StreamErrors.Describe(exception) is { } error)
        {
            return CadenceOutcome.Failed(error);
        }
    }

    public void Dispose() => _http.Dispose();
}
