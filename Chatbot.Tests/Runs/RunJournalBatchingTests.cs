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
/// batch, the first event after a quiet window and opening the run are never held back;
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
        var journal = await StartAsync(Window);
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
        await StartAsync(TimeSpan.FromHours(1));
        await OpenTheWindowAsync();

        await WriteAsync(Token(3));
        await WriteAsync(Complete(4));

        Assert.Equal(Sequences(3, 4), await _store.NextAppendAsync());
    }

    [Fact]
    public async Task A_full_batch_is_appended_at_once()
    {
        await StartAsync(TimeSpan.FromHours(1), maxBatch: 3);
        await OpenTheWindowAsync();

        await WriteAsync(Token(3), Token(4), Token(5), Token(6));

        Assert.Equal(Sequences(3, 4, 5), await _store.NextAppendAsync());
        await WriteAsync(Complete(7));
        Assert.Equal(Sequences(6, 7), await _store.NextAppendAsync());
    }

    [Fact]
    public async Task Opening_the_run_holds_back_neither_the_first_token_nor_the_run()
    {
        await StartAsync(TimeSpan.FromHours(1));
        Assert.Equal(Sequences(1), await _store.NextAppendAsync());

        await WriteAsync(Token(2));
        Assert.Equal(Sequences(2), await _store.NextAppendAsync());
        await WriteAsync(Token(3));

        Assert.Equal(2, _store.AppendCount);
    }

    [Fact]
    public async Task The_first_event_after_a_quiet_window_is_appended_at_once()
    {
        await StartAsync(Window);
        await OpenTheWindowAsync();

        _clock.Advance(Window);
        await WriteAsync(Token(3));

        Assert.Equal(Sequences(3), await _store.NextAppendAsync());
    }

    [Fact]
    public async Task The_live_stream_gets_events_only_once_they_are_stored()
    {
        _store.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var journal = Create(TimeSpan.Zero);
        var opened = OpenAsync(journal);
        Assert.Equal(Sequences(1), await _store.NextAppendAsync());
        Assert.False(journal.Live.TryRead(out _), "the start reached the live stream before the run was stored");
        _store.Gate.SetResult();
        await opened;
        await WriteAsync(Token(2));

        Assert.Equal(Sequences(2), await _store.NextAppendAsync());
        Assert.Equal(Sequences(1, 2), await ReadLiveAsync(journal, 2));
    }

    [Fact]
    public async Task Without_a_window_each_event_read_is_appended_as_it_comes()
    {
        await StartAsync(TimeSpan.Zero);
        Assert.Equal(Sequences(1), await _store.NextAppendAsync());

        await WriteAsync(Token(2));

        Assert.Equal(Sequences(2), await _store.NextAppendAsync());
    }

    [Fact]
    public async Task The_lease_is_renewed_while_a_batch_waits_for_a_long_window()
    {
        var journal = await StartAsync(TimeSpan.FromHours(1));
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
    public async Task Nothing_is_renewed_before_the_run_is_open()
    {
        _store.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var journal = Create(TimeSpan.FromHours(1));
        var opened = OpenAsync(journal);
        await _store.NextAppendAsync();
        await journal.RenewLeaseAsync(CancellationToken.None);
        Assert.Equal(0, _store.RenewalCount);

        _store.Gate.SetResult();
        await opened;
        await journal.RenewLeaseAsync(CancellationToken.None);

        Assert.Equal(1, _store.RenewalCount);
    }

    /// <summary>Opening the run (with its start) opens no window; the first token's append does.</summary>
    private async Task OpenTheWindowAsync()
    {
        Assert.Equal(Sequences(1), await _store.NextAppendAsync());
        await WriteAsync(Token(2));
        Assert.Equal(Sequences(2), await _store.NextAppendAsync());
    }

    /// <summary>A journal opened with its start event (sequence 1), running.</summary>
    private async Task<RunJournal> StartAsync(TimeSpan window, int maxBatch = 256)
    {
        var journal = Create(window, maxBatch);
        await OpenAsync(journal);
        return journal;
    }

    private RunJournal Create(TimeSpan window, int maxBatch = 256)
    {
        var options = new ResumableRunOptions { JournalWindow = window, JournalMaxBatch = maxBatch };
        return new RunJournal(RunRecord.Started("run", "conversation", "owner", _clock.GetUtcNow()), _source.Reader, _store, () => { }, options, _clock, NullLogger.Instance);
    }

    /// <summary>As the API does: the start event waits in the sink, the journal opens the run with it, then runs.</summary>
    private async Task OpenAsync(RunJournal journal)
    {
        _source.Writer.TryWrite(Started(1));
        Assert.Equal(JournalOpening.Journaled, await journal.OpenAsync(openLimit: 1, CancellationToken.None));
        _ = journal.RunAsync();
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
