using System.Threading.Channels;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// Carries one resumable run's events from its sink into the run store and only then to the live
/// response, so a client never holds an event that a resume elsewhere could not replay. Events
/// are appended in batches, at most one a window (<see cref="JournalBatcher"/>). Its owner renews
/// the producer's lease through <see cref="RenewLeaseAsync"/> (see <see cref="RunKeepAlive"/>).
/// A stop request, or finding the run closed, stops the producer; a store that fails mid-run
/// leaves the live answer going, no longer resumable.
/// </summary>
public sealed class RunJournal
{
    private readonly string _runId;
    private readonly IRunStore _store;
    private readonly Action _stopRun;
    private readonly ILogger _logger;
    private readonly JournalBatcher _batcher;
    private readonly int _maxBatch;
    private readonly Channel<StreamEvent> _live = Channel.CreateUnbounded<StreamEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private volatile bool _persisting = true;
    private volatile bool _stored;
    private volatile bool _ended;

    public RunJournal(string runId, ChannelReader<StreamEvent> source, IRunStore store, Action stopRun, ResumableRunOptions options, TimeProvider clock, ILogger logger)
    {
        _runId = runId;
        _store = store;
        _stopRun = stopRun;
        _logger = logger;
        _maxBatch = options.JournalMaxBatch;
        _batcher = new JournalBatcher(source, options.JournalWindow, options.JournalMaxBatch, clock);
    }

    /// <summary>What the live response reads: the run's events, each once it is stored.</summary>
    public ChannelReader<StreamEvent> Live => _live.Reader;

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
                foreach (var streamEvent in batch)
                {
                    _live.Writer.TryWrite(streamEvent);
                }
            }
        }
        finally
        {
            _live.Writer.TryComplete();
        }
    }

    /// <summary>Renews the producer's lease, once the first append created the run and until the journal stops.</summary>
    public async Task RenewLeaseAsync(CancellationToken cancellationToken)
    {
        if (!_persisting || !_stored)
        {
            return;
        }
        try
        {
            Handle(await _store.KeepAliveAsync(_runId, cancellationToken));
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The next append says whether the store is really gone.
            _logger.LogDebug(exception, "Run {RunId}: lease renewal failed", _runId);
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
            var outcome = await _store.AppendAsync(_runId, batch, CancellationToken.None);
            _stored = true;
            _ended = batch[^1].IsTerminal;
            _persisting = !_ended;
            Handle(outcome);
        }
        catch (Exception exception)
        {
            _persisting = false;
            _logger.LogWarning(exception, "Run {RunId}: its {Store} journal failed; the answer goes on but can no longer be resumed", _runId, _store.Name);
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
            _logger.LogWarning("Run {RunId} was closed in the {Store} journal while still producing; stopping it", _runId, _store.Name);
        }
        _stopRun();
    }
}
