namespace Chatbot.Benchmarks.Client;

/// <summary>
/// How many requests are in flight right now (sent, end not yet read: each holds a connection
/// and a run on the server), and how many of those are streaming (response headers received).
/// </summary>
public sealed class StreamGauge
{
    private int _inFlight;
    private int _streaming;

    public int InFlight => Volatile.Read(ref _inFlight);

    public int Streaming => Volatile.Read(ref _streaming);

    public void Sent() => Interlocked.Increment(ref _inFlight);

    public void Opened() => Interlocked.Increment(ref _streaming);

    public void Closed(bool opened)
    {
        Interlocked.Decrement(ref _inFlight);
        if (opened)
        {
            Interlocked.Decrement(ref _streaming);
        }
    }
}
