using System.Diagnostics;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>Reads every process's and the machine's CPU (and Redis's commands) when a phase starts, and the difference when its streams are over.</summary>
public sealed class PhaseMeter
{
    private readonly IReadOnlyList<ApiReplica> _replicas;
    private readonly RedisCluster _cluster;
    private readonly Stopwatch _phaseClock;
    private readonly TimeSpan[] _apiBefore;
    private readonly IReadOnlyList<RedisClusterUsage> _redisBefore;
    private readonly MachineCpu _machineBefore = MachineCpu.Read();
    private readonly TimeSpan _clientBefore = ClientCpu();

    private PhaseMeter(IReadOnlyList<ApiReplica> replicas, RedisCluster cluster, Stopwatch phaseClock, IReadOnlyList<RedisClusterUsage> redisBefore)
    {
        _replicas = replicas;
        _cluster = cluster;
        _phaseClock = phaseClock;
        _redisBefore = redisBefore;
        _apiBefore = [.. replicas.Select(replica => replica.CpuTime)];
    }

    public static async Task<PhaseMeter> StartAsync(IReadOnlyList<ApiReplica> replicas, RedisCluster cluster, Stopwatch phaseClock) =>
        new(replicas, cluster, phaseClock, await cluster.ReadUsageAsync());

    public async Task<StreamingCost> StopAsync()
    {
        var elapsed = _phaseClock.Elapsed;
        var (machine, client) = (MachineCpu.Read() - _machineBefore, ClientCpu() - _clientBefore);
        var api = _replicas.Select((replica, index) => new ApiUsage(replica.Name, replica.CpuTime - _apiBefore[index], !replica.IsAlive)).ToArray();
        var redis = (await _cluster.ReadUsageAsync()).Select((usage, node) => usage - _redisBefore[node]).ToArray();
        return new StreamingCost(elapsed, machine, client, api, redis);
    }

    private static TimeSpan ClientCpu() => ProcessStats.Read(Environment.ProcessId).CpuTime;
}
