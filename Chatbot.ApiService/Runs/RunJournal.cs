using System.Threading.Channels;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// Carries one resumable run's events from its sink into the run store and only then to the live
/// response, so a client never holds an event that a resume elsewhere could not replay. The run
/// is opened with its start event (<see cref="OpenAsync"/>, which also takes its place in its
/// owner's open answers), then events are appended in batches, at most one a window
/// (<see cref="JournalBatcher"/>). Its owner renews the producer's lease through
/// <see cref="RenewLeaseAsync"/> (see <see cref="RunKeepAlive"/>). A stop request, or finding the
/// run closed, stops the producer; a store that fails leaves the live answer going, not resumable.
/// </summary>
public sealed class RunJournal
{
    private readonly RunRecord _run;
    private readonly IRunStore _store;
    private readonly Action _stopRun;
    private readonly ILogger _logger;
    private readonly JournalBatcher _batcher;
    private readonly int _maxBatch;
    private readonly Channel<StreamEvent> _live = Channel.CreateUnbounded<StreamEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private volatile bool _persisting = true;
    private volatile bool _opened;
    private volatile bool _ended;

    public RunJournal(RunRecord run, ChannelReader<StreamEvent> source, IRunStore store, Action stopRun, ResumableRunOptions options, TimeProvider clock, ILogger logger)
    {
        _run = run;
        _store = store;
        _stopRun = stopRun;
        _logger = logger;
        _maxBatch = options.JournalMaxBatch;
        _batcher = new JournalBatcher(source, options.JournalWindow, options.JournalMaxBatch, clock);
    }

    /// <summary>What the live response reads: the run's events, each once it is stored.</summary>
    public ChannelReader<StreamEvent> Live => _live.Reader;

    /// <summary>
    /// Opens the run in the store with what the sink holds (its start event: call this before the
    /// producer starts), unless its owner has <paramref name="openLimit"/> runs running.
    /// <see cref="JournalOpening.Journaled"/>: the client may resume it. <see cref="JournalOpening.NotJournaled"/>:
    /// the store failed, so the journal only passes events on.
    /// </summary>
    public async Task<JournalOpening> OpenAsync(int openLimit, CancellationToken cancellationToken)
    {
        var first = new List<StreamEvent>();
        await _batcher.NextAsync(first, atOnce: true);
        try
        {
            _batcher.Appending();
            if (!await _store.OpenAsync(_run, first, openLimit, cancellationToken))
            {
                return JournalOpening.TooMany;
            }
            _opened = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _persisting = false;
            _logger.LogWarning(exception, "Run {RunId} is not resumable: the {Store} run store did not take it", _run.RunId, _store.Name);
        }
        PassOn(first);
        return _persisting ? JournalOpening.Journaled : JournalOpening.NotJournaled;
    }

    /// <summary>Runs until the sink completes (the producer always ends it with a terminal event).</summary>
    public async Task RunAsync()
    {
        var batch = new List<StreamEvent>(Math.Min(_maxBatch, 128));
        try
        {
            // Once the journal failed there is nothing to wait for: events go straight to the client.
            while (await _batcher.NextAsync(batch, atOnce: !_persisting))
            {
                await PersistAsync(batch);
                PassOn(batch);
            }
        }
        finally
        {
            _live.Writer.TryComplete();
        }
    }

    /// <summary>Renews the producer's lease, once the run is open and until the journal stops.</summary>
    public async Task RenewLeaseAsync(CancellationToken cancellationToken)
    {
        if (!_persisting || !_opened)
        {
            return;
        }
        try
        {
            Handle(await _store.KeepAliveAsync(_run, cancellationToken));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The next append says whether the store is really gone.
            _logger.LogDebug(exception, "Run {RunId}: lease renewal failed", _run.RunId);
        }
    }

    private async Task PersistAsync(List<StreamEvent> batch)
    {
        if (!_persisting)
        {
            return;
        }
        try
        {
            _batcher.Appending();
            var outcome = await _store.AppendAsync(_run, batch, CancellationToken.None);
            _ended = batch[^1].IsTerminal;
            _persisting = !_ended;
            Handle(outcome);
        }
        catch (Exception exception)
        {
            _persisting = false;
            _logger.LogWarning(exception, "Run {RunId}: its {Store} journal failed; the answer goes on but can no longer be resumed", _run.RunId, _store.Name);
        }
    }

    private void PassOn(List<StreamEvent> batch)
    {
        foreach (var streamEvent in batch)
        {
            _live.Writer.TryWrite(streamEvent);
        }
    }

    private void Handle(JournalOutcome outcome)
    {
        if (outcome == JournalOutcome.Running || _ended)
        {
            return;
        }
        if (outcome == JournalOutcome.Closed)
        {
            _persisting = false;
            _logger.LogWarning("Run {RunId} was closed in the {Store} journal while still producing; stopping it", _run.RunId, _store.Name);
        }
        _stopRun();
    }
}
