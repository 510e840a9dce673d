using System.Threading.Channels;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// Groups a run's events into the journal's appends, at most one per window: events that come
/// sooner than a window after the last append wait for its end and join one append. Some never
/// wait: a terminal event (the end of an answer is never held back), a full batch, and the first
/// event after a quiet window (the first token after a tool call). Opening the run (the first
/// append: its start event, before the producer runs) opens no window, so the first token does
/// not wait for it.
/// </summary>
public sealed class JournalBatcher(ChannelReader<StreamEvent> source, TimeSpan window, int maxBatch, TimeProvider clock)
{
    private long? _lastAppendAt;
    private bool _appendedBefore;
    private Task<bool>? _arrival;

    /// <summary>
    /// Fills <paramref name="batch"/> with the next append's events, waiting as the window asks
    /// unless <paramref name="atOnce"/>; false when the source is done and nothing is left.
    /// </summary>
    public async Task<bool> NextAsync(List<StreamEvent> batch, bool atOnce)
    {
        batch.Clear();
        if (!await NextArrivalAsync())
        {
            return false;
        }
        Take(batch);
        if (!atOnce)
        {
            await WaitForTheWindowAsync(batch);
        }
        return true;
    }

    /// <summary>An append is being sent now: the next one waits a window, unless this is the run's first.</summary>
    public void Appending()
    {
        _lastAppendAt = _appendedBefore ? clock.GetTimestamp() : null;
        _appendedBefore = true;
    }

    private async Task WaitForTheWindowAsync(List<StreamEvent> batch)
    {
        if (IsDue(batch))
        {
            return;
        }
        using var windowOver = new CancellationTokenSource();
        var windowEnded = Task.Delay(WindowLeft(), clock, windowOver.Token);
        while (await ArrivesBeforeAsync(windowEnded))
        {
            Take(batch);
            if (IsFull(batch))
            {
                break;
            }
        }
        await windowOver.CancelAsync();
    }

    private bool IsDue(List<StreamEvent> batch) => IsFull(batch) || WindowLeft() <= TimeSpan.Zero;

    private TimeSpan WindowLeft() => _lastAppendAt is { } last ? window - clock.GetElapsedTime(last) : TimeSpan.Zero;

    /// <summary>True when an event arrived before the window ended; false at its end or when the source completed.</summary>
    private async Task<bool> ArrivesBeforeAsync(Task windowEnded)
    {
        var arrival = NextArrivalAsync();
        return await Task.WhenAny(arrival, windowEnded) == arrival && await arrival;
    }

    /// <summary>One wait for the source at a time, kept across batches when a window ended first.</summary>
    private Task<bool> NextArrivalAsync()
    {
        if (_arrival is null || _arrival.IsCompleted)
        {
            _arrival = source.WaitToReadAsync().AsTask();
        }
        return _arrival;
    }

    /// <summary>Reads what is there, up to a full batch and never past a terminal event.</summary>
    private void Take(List<StreamEvent> batch)
    {
        while (!IsFull(batch) && source.TryRead(out var streamEvent))
        {
            batch.Add(streamEvent);
        }
    }

    private bool IsFull(List<StreamEvent> batch) => batch.Count >= maxBatch || (batch.Count > 0 && batch[^1].IsTerminal);
}
