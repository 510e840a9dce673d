using System.Threading.Channels;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;

namespace Chatbot.Tests.Runs.Support;

/// <summary>
/// A run store that records each append's sequence numbers (opening the run is its first) and
/// each lease renewal, and can hold appends until the test opens <see cref="Gate"/>, so a test sees what the journal asks of its
/// store and when.
/// </summary>
public sealed class RecordingRunStore : IRunStore
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<long[]> _appends = Channel.CreateUnbounded<long[]>();
    private int _appendCount;
    private int _renewalCount;

    /// <summary>When set, every append waits for it after it was recorded.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public int AppendCount => Volatile.Read(ref _appendCount);

    public int RenewalCount => Volatile.Read(ref _renewalCount);

    public string Name => "recording";

    /// <summary>The sequence numbers of the next append the journal started.</summary>
    public Task<long[]> NextAppendAsync() => _appends.Reader.ReadAsync().AsTask().WaitAsync(Patience);

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Recorded as an append: the run's first one.</summary>
    public async Task<bool> OpenAsync(RunRecord run, IReadOnlyList<StreamEvent> first, int openLimit, CancellationToken cancellationToken)
    {
        await AppendAsync(run, first, cancellationToken);
        return true;
    }

    public async Task<JournalOutcome> AppendAsync(RunRecord run, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _appendCount);
        _appends.Writer.TryWrite([.. events.Select(e => e.Sequence)]);
        if (Gate is { } gate)
        {
            await gate.Task;
        }
        return JournalOutcome.Running;
    }

    public Task<JournalOutcome> KeepAliveAsync(RunRecord run, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _renewalCount);
        return Task.FromResult(JournalOutcome.Running);
    }

    public Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<RunRecord?>(null);

    public IAsyncEnumerable<StreamEvent> FollowAsync(string runId, long after, CancellationToken cancellationToken) => AsyncEnumerable.Empty<StreamEvent>();

    public Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken) => Task.FromResult(false);
}
