namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// What one cluster node has done: its CPU time (<c>INFO cpu</c>: used_cpu_user + used_cpu_sys)
/// and its commands (<c>INFO commandstats</c>). A difference of two readings is what a phase
/// cost; a node's earlier lives (before a restart) are added in by <see cref="RedisCluster"/>.
/// </summary>
public sealed record RedisClusterUsage(TimeSpan Cpu, RedisCommandStats Commands)
{
    public static RedisClusterUsage None { get; } = new(TimeSpan.Zero, RedisCommandStats.Empty);

    public long Calls => Commands.Commands.Values.Sum(command => command.Calls);

    public static RedisClusterUsage operator +(RedisClusterUsage left, RedisClusterUsage right) =>
        new(left.Cpu + right.Cpu, left.Commands + right.Commands);

    public static RedisClusterUsage operator -(RedisClusterUsage after, RedisClusterUsage before) =>
        new(after.Cpu - before.Cpu, after.Commands - before.Commands);
}
