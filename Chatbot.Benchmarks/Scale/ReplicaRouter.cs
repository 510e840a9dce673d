using Chatbot.Benchmarks.Client;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// Which replica a client talks to, as a load balancer with passive health checks: users are
/// spread round robin; a replica that refused a connection is left out from then on; a broken
/// stream is resumed on the next replica, never the one it broke on while another is left.
/// </summary>
public sealed class ReplicaRouter(IReadOnlyList<StreamTarget> targets)
{
    private readonly bool[] _down = new bool[targets.Count];

    public int Count => targets.Count;

    public StreamTarget this[int replica] => targets[replica];

    /// <summary>The user's own replica, or the next one up.</summary>
    public int First(int user) => NextUp(user % targets.Count, includeStart: true);

    /// <summary>Another replica than <paramref name="replica"/>, if one is up.</summary>
    public int Next(int replica) => NextUp(replica, includeStart: false);

    /// <summary>The replica refused a connection: it is gone.</summary>
    public void MarkDown(int replica) => Volatile.Write(ref _down[replica], true);

    private int NextUp(int start, bool includeStart)
    {
        for (var step = includeStart ? 0 : 1; step <= targets.Count; step++)
        {
            var candidate = (start + step) % targets.Count;
            if (!Volatile.Read(ref _down[candidate]))
            {
                return candidate;
            }
        }
        return start; // all down: keep trying, the deadline ends it
    }
}
