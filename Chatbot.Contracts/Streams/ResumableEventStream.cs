using Chatbot.Contracts.Streaming;

namespace Chatbot.Contracts.Streams;

/// <summary>
/// The events of one run, read across as many connections as it takes. When a resumable stream
/// (<c>X-Stream-Resumable: true</c>) breaks before its terminal event, it yields one
/// <c>reconnecting</c> event per outage, resumes after the last event seen, and drops events seen
/// already, so each event reaches the caller once. A stream that is not resumable ends, or fails,
/// as its connection does.
/// </summary>
internal sealed class ResumableEventStream(HttpResponseMessage response, StreamResumer resumer, StreamCallOptions call, long lastSequence = 0) : IAsyncDisposable
{
    private readonly bool _resumable = string.Equals(HeaderValue(response, StreamHeaders.ResumableRun), "true", StringComparison.OrdinalIgnoreCase);
    private HttpResponseMessage _response = response;
    private IAsyncEnumerator<ChatStreamEvent>? _events;
    private string? _runId = HeaderValue(response, StreamHeaders.RunId);
    private long _lastSequence = lastSequence;
    private long? _outageStarted;
    private bool _resumedInOutage;
    private bool _ended;

    private bool CanResume => _resumable && _runId is not null;

    /// <summary>The next event for the caller, or null once the stream is over.</summary>
    public async Task<ChatStreamEvent?> NextAsync(CancellationToken cancellationToken)
    {
        while (!_ended)
        {
            if (await ReadAsync(cancellationToken) is { } streamEvent)
            {
                if (Accept(streamEvent))
                {
                    return streamEvent;
                }
                continue;
            }
            if (!CanResume)
            {
                return null;
            }
            if (_outageStarted is null)
            {
                _outageStarted = resumer.Clock.GetTimestamp();
                return ChatStreamEvent.Reconnecting();
            }
            await ReconnectAsync(cancellationToken);
        }
        return null;
    }

    /// <summary>The current connection's next event; null when it ended, or broke and can be resumed.</summary>
    private async Task<ChatStreamEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            _events ??= ChatStreamReader.ReadAsync(await _response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            if (!await _events.MoveNextAsync())
            {
                return null;
            }
            call.Observer?.Received(_events.Current);
            return _events.Current;
        }
        catch (Exception exception) when ((exception is IOException or HttpRequestException) && CanResume && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>False for an event replayed after a resume that the caller has had already.</summary>
    private bool Accept(ChatStreamEvent streamEvent)
    {
        if (streamEvent.Sequence > 0 && streamEvent.Sequence <= _lastSequence)
        {
            return false;
        }
        _lastSequence = Math.Max(_lastSequence, streamEvent.Sequence);
        if (_resumable && _runId is null)
        {
            // Only when X-Run-Id did not name the run: reading a field parses the event's JSON.
            _runId = streamEvent.Field(StreamEventFields.RunId);
        }
        _outageStarted = null;
        _resumedInOutage = false;
        _ended = streamEvent.IsTerminal;
        return true;
    }

    private async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        await CloseConnectionAsync();
        if (_resumedInOutage)
        {
            // The resumed stream broke again before any event: do not hammer a flapping connection.
            await Task.Delay(resumer.Policy.FirstDelay, resumer.Clock, cancellationToken);
        }
        _resumedInOutage = true;
        _response = await resumer.ResumeAsync(_runId!, _lastSequence, call, resumer.Clock.GetElapsedTime(_outageStarted!.Value), cancellationToken);
    }

    private async Task CloseConnectionAsync()
    {
        if (_events is not null)
        {
            await _events.DisposeAsync();
            _events = null;
        }
        _response.Dispose();
    }

    public async ValueTask DisposeAsync() => await CloseConnectionAsync();

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
