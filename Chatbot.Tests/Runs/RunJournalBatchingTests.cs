using System.Threading.Channels;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Chatbot.Tests.Memory.Support;
using Chatbot.Tests.Runs.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Tests.Runs;

/// <summary>
/// The journal's window: events that come within it are one append; the end of an answer, a full
/// batch, the first event after a quiet window and the run's first append are never held back;
/// the live stream only ever gets what was stored. Time is a fake clock that
/// moves only when a test moves it, so "nothing was appended yet" is a fact, not a race.
/// </summary>
public sealed class RunJournalBatchingTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock = new();
    private readonly RecordingRunStore _store = new();
    private readonly Channel<StreamEvent> _source = Channel.CreateUnbounded<StreamEvent>(); // not single-reader: that one cannot count what waits

    [Fact]
    public async Task Events_that_arrive_within_the_window_are_one_append_at_its_end()
    {
        var journal = Start(Window);
        await OpenTheWindowAsync();

        foreach (var sequence in new long[] { 3, 4, 5, 6 })
        {
            await WriteAsync(Token(sequence));
        }
        Assert.Equal(2, _store.AppendCount);
        _clock.Advance(Window);

        Assert.Equal(Sequences(3, 4, 5, 6), await _store.NextAppendAsync());
        Assert.Equal(Sequences(1, 2, 3, 4, 5, 6), await ReadLiveAsync(journal, 6));
    }

    [Fact]
    public async Task A_terminal_event_is_appended_at_once_with_what_waits_before_it()
    {
        Start(TimeSpan.FromHours(1));
        await OpenTheWindowAsync();

        await WriteAsync(Token(3));
        await WriteAsync(Complete(4));

        Assert.Equal(Sequences(3, 4), await _store.NextAppendAsync());
    }

    [Fact]
    public async Task A_full_batch_is_appended_at_once()
    {
        Start(TimeSpan.FromHours(1), maxBatch: 3);
        await OpenTheWindowAsync();

        await WriteAsync(Token(3), Token(4), Token(5), Token(6));

        Assert.Equal(Sequences(3, 4, 5), await _store.NextAppendAsync());
        await WriteAsync(Complete(7));
        Assert.Equal(Sequences(6, 7), await _store.NextAppendAsync());
    }

    [Fact]
    public async Task The_runs_first_append_goes_at_once_and_holds_back_neither_the_first_token_nor_the_run()
    {
        Start(TimeSpan.FromHours(1));
        await WriteAsync(Started(1));
        Assert.Equal(Sequences(1), await _store.NextAppendAsync());

        await WriteAsync(Token(2));
        Assert.Equal(Sequences(2), await _store.NextAppendAsync());
        await WriteAsync(Token(3));

        Assert.Equal(2, _store.AppendCount);
    }

    [Fact]
    public async Task The_first_event_after_a_quiet_window_is_appended_at_once()
    {
        Start(Window);
        await OpenTheWindowAsync();

        _clock.Advance(Window);
        await WriteAsync(Token(3));

        Assert.Equal(Sequences(3), await _store.NextAppendAsync());
    }

    [Fact]
    public async Task The_live_stream_gets_events_only_once_they_are_stored()
    {
        _store.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Both wait in the source before the journal starts, so they are one append whatever the scheduling.
        _source.Writer.TryWrite(Started(1));
        _source.Writer.TryWrite(Token(2));
        var journal = Start(TimeSpan.Zero);

        Assert.Equal(Sequences(1, 2), await _store.NextAppendAsync());
        Assert.False(journal.Live.TryRead(out _), "an event reached the live stream before its append returned");
        _store.Gate.SetResult();

        Assert.Equal(Sequences(1, 2), await ReadLiveAsync(journal, 2));
    }

    [Fact]
    public async Task Without_a_window_each_event_read_is_appended_as_it_comes()
    {
        Start(TimeSpan.Zero);
        await WriteAsync(Started(1));
        Assert.Equal(Sequences(1), await _store.NextAppendAsync());

        await WriteAsync(Token(2));

        Assert.Equal(Sequences(2), await _store.NextAppendAsync());
    }

    [Fact]
    public async Task The_lease_is_renewed_while_a_batch_waits_for_a_long_window()
    {
        var journal = Start(TimeSpan.FromHours(1));
        var interval = TimeSpan.FromSeconds(3);
        await using var keepAlive = RunKeepAlive.Start(interval, _clock, journal.RenewLeaseAsync);
        await OpenTheWindowAsync();
        await WriteAsync(Token(3));

        var renewed = await Eventually.HoldsAsync(() =>
        {
            _clock.Advance(interval);
            return Task.FromResult(_store.RenewalCount > 0);
        });

        Assert.True(renewed);
        Assert.Equal(2, _store.AppendCount);
    }

    [Fact]
    public async Task Nothing_is_renewed_before_the_first_append_created_the_run()
    {
        _store.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var journal = Start(TimeSpan.FromHours(1));
        await WriteAsync(Started(1));
        await _store.NextAppendAsync();
        await journal.RenewLeaseAsync(CancellationToken.None);
        Assert.Equal(0, _store.RenewalCount);

        _store.Gate.SetResult();
        await ReadLiveAsync(journal, 1);
        await journal.RenewLeaseAsync(CancellationToken.None);

        Assert.Equal(1, _store.RenewalCount);
    }

    /// <summary>The run's first append (its start) opens no window; the first token's does.</summary>
    private async Task OpenTheWindowAsync()
    {
        await WriteAsync(Started(1));
        Assert.Equal(Sequences(1), await _store.NextAppendAsync());
        await WriteAsync(Token(2));
        Assert.Equal(Sequences(2), await _store.NextAppendAsync());
    }

    private RunJournal Start(TimeSpan window, int maxBatch = 256)
    {
        var options = new ResumableRunOptions { JournalWindow = window, JournalMaxBatch = maxBatch };
        var journal = new RunJournal("run", _source.Reader, _store, () => { }, options, _clock, NullLogger.Instance);
        _ = journal.RunAsync();
        return journal;
    }

    /// <summary>Writes the events and waits until the journal has taken them from its source.</summary>
    private async Task WriteAsync(params StreamEvent[] events)
    {
        foreach (var streamEvent in events)
        {
            _source.Writer.TryWrite(streamEvent);
        }
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(_source.Reader.Count == 0)), "the journal did not take the events");
    }

    private static async Task<long[]> ReadLiveAsync(RunJournal journal, int count)
    {
        var sequences = new List<long>();
        while (sequences.Count < count)
        {
            sequences.Add((await journal.Live.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30))).Sequence);
        }
        return [.. sequences];
    }

    private static long[] Sequences(params long[] sequences) => sequences;

    private static StreamEvent Started(long sequence) => StreamEvent.Started("conversation", "run", "question") with { Sequence = sequence };

    private static StreamEvent Token(long sequence) => StreamEvent.Token($"t{sequence} ") with { Sequence = sequence };

    private static StreamEvent Complete(long sequence) =>
        StreamEvent.Completed(new RunStatistics(InputTokens: 1, OutputTokens: 1, TimeToFirstTokenMs: 1, DurationMs: 1)) with { Sequence = sequence };
}
