using Chatbot.Benchmarks.Client;

namespace Chatbot.Benchmarks.Load;

/// <summary>One target at one level: what the client saw and what the server's process spent.</summary>
public sealed record LoadMeasurement(string Target, int Concurrency, ClosedLoopResult Result, TimeSpan ServerCpu, int ExpectedTokens)
{
    public int Errors => Result.Errors(ExpectedTokens);

    /// <summary>Server CPU per answer, in milliseconds.</summary>
    public double ServerCpuMsPerRequest => ServerCpu.TotalMilliseconds / Math.Max(Result.Requests, 1);

    /// <summary>Server CPU as a share of the machine's cores over the measured time.</summary>
    public double ServerCpuShare => ServerCpu / Result.Elapsed / Environment.ProcessorCount;
}
