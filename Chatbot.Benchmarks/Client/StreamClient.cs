using System.Diagnostics;
using System.Text.Json;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// The load client: answers read with the one stream client (<see cref="ChatStreamClient"/>) over
/// one HttpClient (<see cref="StreamHttpClient"/>), times taken with <see cref="Stopwatch"/>. A
/// stream that breaks counts as an error, even where the client could resume it.
/// </summary>
public sealed class StreamClient : IDisposable
{
    private readonly TimeSpan _requestTimeout;
    private readonly HttpClient _http = StreamHttpClient.Create();
    private readonly ChatStreamClient _answers;

    public StreamClient(TimeSpan requestTimeout)
    {
        _requestTimeout = requestTimeout;
        _answers = new ChatStreamClient(_http);
    }

    /// <summary>Sends one request and reads its stream to the end, never throwing.</summary>
    public async Task<StreamOutcome> AskAsync(StreamTarget target, string conversationId, int user = 0, StreamGauge? gauge = null)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        var watch = new StreamWatch(gauge: gauge);
        var started = Stopwatch.GetTimestamp();
        long firstToken = 0;
        var tokens = 0;
        gauge?.Sent();
        try
        {
            await foreach (var streamEvent in _answers.AskAsync(target.Ask(conversationId), target.As(user, watch), timeout.Token))
            {
                if (target.Resumable && !watch.Journaled)
                {
                    return StreamOutcome.Failed(Elapsed(started), 0, "not journaled");
                }
                switch (streamEvent.Type)
                {
                    case StreamEventTypes.Token:
                        if (tokens++ == 0)
                        {
                            firstToken = Stopwatch.GetTimestamp();
                        }
                        break;
                    case StreamEventTypes.Complete:
                        return WithServerFigures(Finished(started, firstToken, tokens), streamEvent.Data);
                    case StreamEventTypes.Error:
                        return StreamOutcome.Failed(Elapsed(started), tokens, "error event");
                    case ChatStreamEvent.ReconnectingType:
                        return StreamOutcome.Failed(Elapsed(started), tokens, "stream broke");
                }
            }
            return target.EndsWithComplete
                ? StreamOutcome.Failed(Elapsed(started), tokens, "ended without complete")
                : Finished(started, firstToken, tokens);
        }
        catch (Exception exception) when (StreamErrors.Describe(exception) is { } error)
        {
            return StreamOutcome.Failed(Elapsed(started), tokens, error);
        }
        finally
        {
            gauge?.Closed(watch.Opened);
        }
    }

    /// <summary>The token contents of one answer: what the baseline will send.</summary>
    public async Task<IReadOnlyList<string>> ReadTokensAsync(StreamTarget target)
    {
        using var timeout = new CancellationTokenSource(_requestTimeout);
        var tokens = new List<string>();
        await foreach (var streamEvent in _answers.AskAsync(target.Ask($"bench-probe-{Guid.NewGuid():N}"), target.As(user: 0), timeout.Token))
        {
            if (streamEvent.Type == StreamEventTypes.Token)
            {
                tokens.Add(streamEvent.Field(StreamEventFields.Content) ?? "");
            }
        }
        return tokens;
    }

    public void Dispose() => _http.Dispose();

    private static StreamOutcome Finished(long started, long firstToken, int tokens) => tokens == 0
        ? StreamOutcome.Failed(Elapsed(started), 0, "no tokens")
        : new StreamOutcome(Stopwatch.GetElapsedTime(started, firstToken).TotalMilliseconds, Elapsed(started), tokens, null);

    /// <summary>The server's time to first token and the answer's cost, from the <c>complete</c> event.</summary>
    private static StreamOutcome WithServerFigures(StreamOutcome outcome, JsonElement complete)
    {
        var usage = complete.GetProperty(StreamEventFields.Usage);
        return outcome with
        {
            ServerTimeToFirstTokenMs = complete.TryGetProperty(StreamEventFields.TimeToFirstTokenMs, out var ttft) && ttft.ValueKind == JsonValueKind.Number ? ttft.GetDouble() : double.NaN,
            // Builds before model calls were counted report none.
            ModelCalls = usage.TryGetProperty(StreamEventFields.ModelCalls, out var calls) ? calls.GetInt32() : 0,
            InputTokens = usage.GetProperty(StreamEventFields.InputTokens).GetInt64(),
        };
    }

    private static double Elapsed(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
