namespace Chatbot.Tests.Web.Support;

/// <summary>
/// A clock nothing waits on in real time, for code that waits (backoffs, pauses) under deadlines
/// (a <see cref="CancellationTokenSource"/> timed on this clock). A wait the code schedules is
/// what it now waits for: time jumps to its end, or to an earlier deadline, which fires instead.
/// A deadline alone never fires, as nothing waits for it. Every wait is recorded. A frozen clock
/// fires nothing: the code waits until it is cancelled.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Lock _gate = new();
    private readonly List<Timer> _deadlines = [];
    private readonly List<TimeSpan> _waits = [];
    private readonly TaskCompletionSource _firstWait = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan _now;

    public bool Frozen { get; init; }

    /// <summary>How far time has moved.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>The waits the code scheduled, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    /// <summary>Completes when the code first waits.</summary>
    public Task FirstWait => _firstWait.Task;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    public override long GetTimestamp() => Elapsed.Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new Timer(this, callback, state, isDeadline: state is CancellationTokenSource);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(Timer timer, TimeSpan dueTime)
    {
        Timer? firing;
        lock (_gate)
        {
            _deadlines.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }
            timer.DueAt = _now + dueTime;
            if (timer.IsDeadline)
            {
                _deadlines.Add(timer);
                return;
            }
            _waits.Add(dueTime);
            _firstWait.TrySetResult();
            if (Frozen)
            {
                return;
            }
            var deadline = _deadlines.Where(candidate => candidate.DueAt <= timer.DueAt).MinBy(candidate => candidate.DueAt);
            firing = deadline ?? timer;
            _deadlines.Remove(firing);
            _now = firing.DueAt;
        }
        // Not inline: the code that scheduled the wait has not started waiting yet.
        ThreadPool.UnsafeQueueUserWorkItem(_ => firing.Fire(), null);
    }

    private void Cancel(Timer timer)
    {
        lock (_gate)
        {
            _deadlines.Remove(timer);
        }
    }

    /// <summary>One-shot, as every timer of the code under test is.</summary>
    private sealed class Timer(VirtualClock clock, TimerCallback callback, object? state, bool isDeadline) : ITimer
    {
        private bool _disposed;

        public bool IsDeadline => isDeadline;

        public TimeSpan DueAt { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime);
            return true;
        }

        public void Fire()
        {
            if (!Volatile.Read(ref _disposed))
            {
                callback(state);
            }
        }

        public void Dispose()
        {
            Volatile.Write(ref _disposed, true);
            clock.Cancel(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
