using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// Runs kept in this process when there is no Redis: the same behaviour on one replica, the
/// open-answer limit included. A run here cannot outlive its producer, so no lease is needed;
/// ended runs are swept after <see cref="ResumableRunOptions.RetainFor"/>.
/// </summary>
public sealed class InProcessRunStore(RunCancellations cancellations, IOptions<ResumableRunOptions> options, TimeProvider clock) : IRunStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, InProcessRun> _runs = new();
    private readonly Lock _gate = new();

    /// <summary>Each owner's running runs, for the open-answer limit.</summary>
    private readonly Dictionary<string, int> _running = [];
    private long _nextSweepTicks;

    public string Name => "in-process";

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> OpenAsync(RunRecord run, IReadOnlyList<StreamEvent> first, int openLimit, CancellationToken cancellationToken)
    {
        SweepExpired();
        if (!TryCountIn(run.Owner, openLimit))
        {
            return Task.FromResult(false);
        }
        var opened = new InProcessRun(run);
        opened.Append(first, clock.GetUtcNow());
        _runs[run.RunId] = opened;
        return Task.FromResult(true);
    }

    public Task<JournalOutcome> AppendAsync(RunRecord run, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        if (!_runs.TryGetValue(run.RunId, out var kept) || events.Count == 0)
        {
            return Task.FromResult(JournalOutcome.Closed);
        }
        var outcome = kept.Append(events, clock.GetUtcNow());
        if (outcome != JournalOutcome.Closed && events[^1].IsTerminal)
        {
            CountOut(run.Owner);
        }
        return Task.FromResult(outcome);
    }

    public Task<JournalOutcome> KeepAliveAsync(RunRecord run, CancellationToken cancellationToken) =>
        Task.FromResult(!_runs.TryGetValue(run.RunId, out var kept) || kept.Record.HasEnded ? JournalOutcome.Closed
            : kept.CancelRequested ? JournalOutcome.CancelRequested
            : JournalOutcome.Running);

    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken) =>
        Task.FromResult(Find(runId)?.Record);

    public async IAsyncEnumerable<StreamEvent> FollowAsync(string runId, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Find(runId) is not { } run)
        {
            yield break;
        }
        while (true)
        {
            var (events, appended) = run.After(after);
            foreach (var streamEvent in events)
            {
                yield return streamEvent;
                if (streamEvent.IsTerminal)
                {
                    yield break;
                }
                after = streamEvent.Sequence;
            }
            await appended.WaitAsync(cancellationToken);
        }
    }

    public Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken)
    {
        var requested = Find(runId)?.RequestCancel() ?? false;
        if (requested)
        {
            cancellations.Cancel(runId);
        }
        return Task.FromResult(requested);
    }

    private bool TryCountIn(string owner, int openLimit)
    {
        lock (_gate)
        {
            var running = _running.GetValueOrDefault(owner);
            if (running >= openLimit)
            {
                return false;
            }
            _running[owner] = running + 1;
            return true;
        }
    }

    private void CountOut(string owner)
    {
        lock (_gate)
        {
            if (_running.GetValueOrDefault(owner) <= 1)
            {
                _running.Remove(owner);
            }
            else
            {
                _running[owner]--;
            }
        }
    }

    private InProcessRun? Find(string runId) =>
        _runs.TryGetValue(runId, out var run) && !IsExpired(run) ? run : null;

    private bool IsExpired(InProcessRun run) => run.Record.EndedAt is { } ended && clock.GetUtcNow() - ended > options.Value.RetainFor;

    /// <summary>At most once a minute, so a busy process does not walk every kept run per question.</summary>
    private void SweepExpired()
    {
        var now = clock.GetUtcNow();
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks, due) != due)
        {
            return;
        }
        foreach (var (runId, run) in _runs)
        {
            if (IsExpired(run))
            {
                _runs.TryRemove(runId, out _);
            }
        }
    }
}
