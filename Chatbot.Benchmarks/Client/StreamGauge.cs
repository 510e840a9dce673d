namespace Chatbot.Benchmarks.Client;

/// <summary>How many streams are open right now: response headers received, end not yet read.</summary>
public sealed class StreamGauge
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public void Opened() => Interlocked.Increment(ref _open);

    public void Closed() => Interlocked.Decrement(ref _open);
}
