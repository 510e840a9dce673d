using System.Collections.Concurrent;

namespace Chatbot.Tests.Providers;

/// <summary>
/// The retry layer's clock in the provider tests: a fixed now, and every wait recorded and over at
/// once, so a test sees what the layer waited without waiting.
/// </summary>
public sealed class RetryClock : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public IReadOnlyList<TimeSpan> Waits => [.. _waits];

    public void Reset() => _waits.Clear();

    public override DateTimeOffset GetUtcNow() => Now;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _waits.Enqueue(dueTime);
        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
