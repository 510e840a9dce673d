using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// One target (resumable off or on) at one level: what the client saw, what each process on the
/// machine spent, and what was asked of Redis.
/// </summary>
public sealed record ModeMeasurement(string Target, int Concurrency, ClosedLoopResult Result, CpuTimes Cpu, RedisCommandStats Commands, int ExpectedTokens)
{
    public int Errors => Result.Errors(ExpectedTokens);

    /// <summary>Events an answer carries: start, the tokens, complete.</summary>
    public int EventsPerAnswer => ExpectedTokens + 2;

    /// <summary>CPU time per answer, in milliseconds.</summary>
    public double PerAnswerMs(TimeSpan cpu) => cpu.TotalMilliseconds / Math.Max(Result.Requests, 1);

    /// <summary>Several rounds of the same target and level as one measurement.</summary>
    public static ModeMeasurement Pool(IReadOnlyList<ModeMeasurement> rounds) => new(
        rounds[0].Target,
        rounds[0].Concurrency,
        ClosedLoopResult.Combine(rounds.Select(round => round.Result)),
        rounds.Aggregate(default(CpuTimes), (sum, round) => sum + round.Cpu),
        rounds.Aggregate(RedisCommandStats.Empty, (sum, round) => sum + round.Commands),
        rounds[0].ExpectedTokens);
}
