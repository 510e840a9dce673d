using Chatbot.Benchmarks.Client;

namespace Chatbot.Benchmarks.Replica;

/// <summary>One window of answers after ready: how many came before it, and what the API spent on them.</summary>
public sealed record ReplicaWindow(int AnsweredBefore, ClosedLoopResult Result, TimeSpan ApiCpu, int ExpectedTokens)
{
    public int Errors => Result.Errors(ExpectedTokens);

    /// <summary>The API's CPU per token received, in microseconds.</summary>
    public double CpuPerTokenUs => ApiCpu.TotalMicroseconds / Math.Max(1, Result.TokensReceived);
}
