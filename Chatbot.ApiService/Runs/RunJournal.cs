using System.Threading.Channels;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// Carries one resumable run's events from its sink into the run store and only then to the live
/// response, so a client never holds an event that a resume elsewhere could not replay. Between
/// appends it renews the producer's lease. A stop request, or finding the run closed, stops the
/// producer; a store that fails mid-run leaves the live answer going, no longer resumable.
/// </summary>
public sealed class RunJournal
{
    private const int MaxBatch = 64;

    private readonly string _runId;
    private readonly ChannelReader<StreamEvent> _source;
    private readonly IRunStore _store;
    private readonly Action _stopRun;
    private readonly TimeSpan _keepAliveInterval;
    private readonly ILogger _logger;
    private readonly Channel<StreamEvent> _live = Channel.CreateUnbounded<StreamEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private volatile bool _persisting = true;
    private volatile bool _ended;

    public RunJournal(string runId, ChannelReader<StreamEvent> source, IRunStore store, Action stopRun, TimeSpan lease, ILogger logger)
    {
        _runId = runId;
        _source = source;
        _store = store;
        _stopRun = stopRun;
        _keepAliveInterval = lease / 3;
        _logger = logger;
    }

    /// <summary>What the live response reads: the run's events, each once it is stored.</summary>
    public ChannelReader<StreamEvent> Live => _live.Reader;

    /// <summary>Runs until the sink completes (the producer always ends it with a terminal event).</summary>
    public async Task RunAsync()
    {
        using var done = new CancellationTokenSource();
        using var timer = new PeriodicTimer(_keepAliveInterval);
        var keepAlive = KeepAliveAsync(timer, done.Token);
        var batch = new List<StreamEvent>(MaxBatch);
        try
        {
            while (await _source.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _source.TryRead(out var streamEvent))
                {
                    batch.Add(streamEvent);
                }
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
            await done.CancelAsync();
            timer.Dispose();
            await keepAlive;
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
            var outcome = await _store.AppendAsync(_runId, batch, CancellationToken.None);
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

    /// <summary>
    /// Ends when the run ends and disposes <paramref name="timer"/>: the wait then returns false,
    /// where a cancelled wait would throw, and every run ends this loop.
    /// </summary>
    private async Task KeepAliveAsync(PeriodicTimer timer, CancellationToken done)
    {
        try
        {
            while (await timer.WaitForNextTickAsync())
            {
                await RenewLeaseAsync(done);
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The run ended during a renewal.
        }
    }

    private async Task RenewLeaseAsync(CancellationToken done)
    {
        if (!_persisting)
        {
            return;
        }
        try
        {
            Handle(await _store.KeepAliveAsync(_runId, done));
        }
        catch (Exception exception) when (!done.IsCancellationRequested)
        {
            // The next append says whether the store is really gone.
            _logger.LogDebug(exception, "Run {RunId}: lease renewal failed", _runId);
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
