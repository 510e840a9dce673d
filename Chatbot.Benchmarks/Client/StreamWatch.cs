using System.Diagnostics;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// What a benchmark reads off a stream's connections besides its events: when the first response's
/// headers came, whether the run is journaled, how often it was resumed, and whether every event
/// off the wire followed the one before (the client drops a replayed event, so only here does a
/// server's repeat show).
/// </summary>
public sealed class StreamWatch(long after = 0, StreamGauge? gauge = null) : IStreamObserver
{
    private long _last = after;

    /// <summary>The first response's headers arrived (a <see cref="Stopwatch"/> timestamp; 0 before).</summary>
    public long HeadersAt { get; private set; }

    public bool Opened => HeadersAt != 0;

    /// <summary>The API journaled the run (<c>X-Stream-Resumable: true</c>): it can be resumed by its id.</summary>
    public bool Journaled { get; private set; }

    public int Resumes { get; private set; }

    /// <summary>The first event that did not follow the one before, described; null while all did.</summary>
    public string? SequenceError { get; private set; }

    void IStreamObserver.Opened(HttpResponseMessage response)
    {
        if (HeadersAt == 0)
        {
            HeadersAt = Stopwatch.GetTimestamp();
            gauge?.Opened();
            Journaled = response.Headers.TryGetValues(StreamHeaders.ResumableRun, out var values) && values.Contains("true");
        }
    }

    void IStreamObserver.Received(ChatStreamEvent streamEvent)
    {
        if (SequenceError is null && streamEvent.Sequence != _last + 1)
        {
            SequenceError = streamEvent.Sequence <= _last ? $"event {streamEvent.Sequence} repeated" : $"event {streamEvent.Sequence} where {_last + 1} was due";
        }
        _last = streamEvent.Sequence;
    }

    void IStreamObserver.Resuming(string runId, long after) => Resumes++;
}
