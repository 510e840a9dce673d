using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// From a phase's start until its last stream ended: how long it took, how busy the machine
/// was, and what each API process, each Redis node and this client spent.
/// </summary>
public sealed record StreamingCost(
    TimeSpan Elapsed,
    MachineCpu Machine,
    TimeSpan ClientCpu,
    IReadOnlyList<ApiUsage> Api,
    IReadOnlyList<RedisClusterUsage> Redis)
{
    public TimeSpan ApiCpu => Api.Aggregate(TimeSpan.Zero, (sum, api) => sum + api.Cpu);

    public RedisClusterUsage RedisTotal => Redis.Aggregate(RedisClusterUsage.None, (sum, node) => sum + node);
}
