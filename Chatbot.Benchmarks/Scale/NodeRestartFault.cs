using System.Diagnostics;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// One Redis Cluster master killed (SIGKILL) mid-run and started again on its port from its
/// directory after <paramref name="outage"/>: its slots are unreachable meanwhile (and, once the
/// others take it for failed, the whole cluster refuses: a cluster without replicas needs every slot).
/// </summary>
public sealed class NodeRestartFault(RedisCluster cluster, int node, TimeSpan outage) : IScaleFault
{
    public string Name => ScaleOptions.NodeRestartPhase;

    public async Task<FaultWindow> InjectAsync(Stopwatch phaseClock)
    {
        var endPoint = cluster.Nodes[node].EndPoint;
        var killedAt = phaseClock.Elapsed;
        await cluster.KillNodeAsync(node);
        Console.WriteLine($"{killedAt.TotalSeconds,5:0.0} s: killed Redis node {endPoint} (SIGKILL)");
        await Task.Delay(outage);
        var restartedAt = phaseClock.Elapsed;
        await cluster.RestartNodeAsync(node);
        var healthyAt = phaseClock.Elapsed;
        Console.WriteLine($"{healthyAt.TotalSeconds,5:0.0} s: Redis node {endPoint} back (started at {restartedAt.TotalSeconds:0.0} s), cluster_state:ok on every node");
        return new FaultWindow(killedAt, healthyAt,
            $"Redis node {endPoint} killed (SIGKILL) at {killedAt.TotalSeconds:0.0} s, started again at {restartedAt.TotalSeconds:0.0} s, cluster ok at {healthyAt.TotalSeconds:0.0} s");
    }
}
