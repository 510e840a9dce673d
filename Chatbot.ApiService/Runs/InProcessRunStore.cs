using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// Runs kept in this process when there is no Redis: the same behaviour on one replica. A run
/// here cannot outlive its producer, so no lease is needed; ended runs are swept after
/// <see cref="ResumableRunOptions.RetainFor"/>.
/// </summary>
public sealed class InProcessRunStore(RunCancellations cancellations, IOptions<ResumableRunOptions> options, TimeProvider clock) : IRunStore
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, InProcessRun> _runs = new();
    private long _nextSweepTicks;

    public string Name => "in-process";

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task CreateAsync(RunRecord run, CancellationToken cancellationToken)
    {
        SweepExpired();
        _runs[run.RunId] = new InProcessRun(run);
        return Task.CompletedTask;
    }

    public Task<JournalOutcome> AppendAsync(string runId, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken) =>
        Task.FromResult(_runs.TryGetValue(runId, out var run) && events.Count > 0
            ? run.Append(events, clock.GetUtcNow())
            : JournalOutcome.Closed);

    public Task<JournalOutcome> KeepAliveAsync(string runId, CancellationToken cancellationToken) =>
        Task.FromResult(!_runs.TryGetValue(runId, out var run) || run.Record.HasEnded ? JournalOutcome.Closed
            : run.CancelRequested ? JournalOutcome.CancelRequested
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
