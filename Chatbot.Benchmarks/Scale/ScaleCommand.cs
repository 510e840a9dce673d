using System.Diagnostics;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// <c>scale</c>: several API replicas on a real Redis Cluster under many concurrent resumable
/// streams, through faults. Phase <c>replica-kill</c>: one replica is killed mid-run; its clients
/// resume elsewhere and its runs must end <c>interrupted</c>, the others' answers go on, and every
/// completed answer must be in memory. Phase <c>node-restart</c> (with the killed replica replaced):
/// one Redis master is killed and started again mid-run; answers must go on, <c>/health</c> must say
/// Degraded meanwhile, and nothing acknowledged may be lost once the node is back.
/// Everything it starts is killed when it ends, also on failure or Ctrl+C.
/// </summary>
public static class ScaleCommand
{
    private const int ReplicaToKill = 0;
    private const int NodeToRestart = 1;

    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var started = Stopwatch.GetTimestamp();
        var options = ScaleOptions.From(commandLine);
        var machine = MachineDescription.Describe();
        using var signals = new StopSignals();

        await using var cluster = await RedisCluster.StartAsync(ScaleOptions.RedisMasters);
        Console.WriteLine($"Redis Cluster: {cluster.ConnectionString}");
        var apiOptions = ApiServerOptions.From(commandLine, options.TokenDelayMs, prewarmOnStartup: true, cluster.ConnectionString);
        await using var replicas = await ApiReplicaSet.StartAsync(options.Replicas, apiOptions, options.Question);

        var results = new List<ScalePhaseResult>();
        if (!await signals.FinishesAsync(RunPhasesAsync(options, replicas, cluster, results)))
        {
            return 130;
        }
        var header = Header(options, commandLine, machine, Stopwatch.GetElapsedTime(started));
        await ResultsFile.WriteAsync("scale", ScaleReport.Render(results, header));
        return 0;
    }

    private static string Header(ScaleOptions options, CommandLine commandLine, string machine, TimeSpan took) =>
        $"## scale\n\nMachine: {machine}. Load average at end: {MachineDescription.LoadAverage()}. Open-file limit: {OpenFileLimit()}.\n"
        + $"Command: `{options.CommandLine}`.\n"
        + $"{options.Replicas} API replicas (offline model at {options.TokenDelayMs} ms a token, \"{options.Question}\", resumable streams) on a Redis Cluster of "
        + $"{ScaleOptions.RedisMasters} masters without replicas (append-only, fsync always, node timeout {RedisClusterNode.NodeTimeoutMs} ms). "
        + $"Each phase: {options.Streams} users started over {options.Ramp.TotalSeconds:0} s, each asking again as soon as its answer ended, for {options.AskFor.TotalSeconds:0} s; "
        + $"the fault after {options.FaultAfter.TotalSeconds:0} s; a stream's deadline {options.StreamDeadline.TotalSeconds:0} s; "
        + $"memory read back once every replica said Healthy again, at least {options.WriteBackWait.TotalSeconds:0} s after the last stream ended.\n"
        + (commandLine.Text("api-env") is { } env ? $"API settings: {env}.\n" : "")
        + $"Run took {took.TotalSeconds:0} s.";

    private static async Task RunPhasesAsync(ScaleOptions options, ApiReplicaSet replicas, RedisCluster cluster, List<ScalePhaseResult> results)
    {
        var phase = new ScalePhase(options, replicas, cluster);
        foreach (var name in options.Phases)
        {
            if (replicas.Replicas.Any(replica => !replica.IsAlive))
            {
                await replicas.ReplaceAsync(ReplicaToKill);
            }
            results.Add(await phase.RunAsync(Fault(name, replicas, cluster, options)));
        }
    }

    private static IScaleFault Fault(string phase, ApiReplicaSet replicas, RedisCluster cluster, ScaleOptions options) => phase switch
    {
        ScaleOptions.ReplicaKillPhase => new ReplicaKillFault(replicas.Replicas[ReplicaToKill]),
        ScaleOptions.NodeRestartPhase => new NodeRestartFault(cluster, NodeToRestart, options.Outage),
        _ => throw new ArgumentException($"Unknown phase '{phase}': use {ScaleOptions.ReplicaKillPhase} or {ScaleOptions.NodeRestartPhase}."),
    };

    /// <summary>
    /// Soft and hard, as this process has them: the .NET runtime raises its soft limit to the hard
    /// one at start (so do the API replicas; redis-server sizes its own from maxclients), so only the hard limit binds.
    /// </summary>
    private static string OpenFileLimit() =>
        File.ReadLines("/proc/self/limits").FirstOrDefault(line => line.StartsWith("Max open files", StringComparison.Ordinal)) is { } line
            ? string.Join(" / ", line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3..5])
            : "?";
}
