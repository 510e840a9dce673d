namespace Chatbot.ApiService.Live;

/// <summary>
/// The runs in flight in this process: counted (so a test can see that nothing is orphaned),
/// ended with an <c>error</c> event when a shutdown's drain time is up, and when the last began
/// (prewarm warms again after a quiet spell).
/// </summary>
public sealed class RunRegistry(TimeProvider clock) : IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();
    private int _active;
    private long _lastStarted = clock.GetTimestamp();

    public int Active => Volatile.Read(ref _active);

    /// <summary>How long since a run last began here (since the process started when none has).</summary>
    public TimeSpan Quiet => clock.GetElapsedTime(Volatile.Read(ref _lastStarted));

    /// <summary>True once the process is stopping: new questions get 503.</summary>
    public bool Draining { get; private set; }

    /// <summary>Cancelled when the drain time is up; runs still going end with an error event.</summary>
    public CancellationToken ShutdownToken => _shutdown.Token;

    public IDisposable Track()
    {
        Interlocked.Increment(ref _active);
        Volatile.Write(ref _lastStarted, clock.GetTimestamp());
        return new Tracked(this);
    }

    public void BeginDraining(TimeSpan drainTime)
    {
        Draining = true;
        _shutdown.CancelAfter(drainTime);
    }

    public void Dispose() => _shutdown.Dispose();

    private sealed class Tracked(RunRegistry registry) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref registry._active);
            }
        }
    }
}
