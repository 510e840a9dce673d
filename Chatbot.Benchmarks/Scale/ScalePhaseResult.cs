using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// What one phase measured: every question's outcome, what memory and Redis said afterwards,
/// every health answer, the timeline, and what the streaming cost.
/// </summary>
public sealed record ScalePhaseResult(
    string Name,
    FaultWindow Fault,
    TimeSpan AskFor,
    TimeSpan Ramp,
    IReadOnlyList<ScaleOutcome> Outcomes,
    MemoryFindings Memory,
    IReadOnlyList<HealthSample> Health,
    IReadOnlyList<PhaseSample> Timeline,
    StreamingCost Cost,
    TimeSpan Duration)
{
    public IEnumerable<ScaleOutcome> Completed => Outcomes.Where(outcome => outcome.Ending.IsCompleted);

    public int Started => Outcomes.Count(outcome => outcome.Started);

    public int CompletedCount => Completed.Count();

    public int Interrupted => Outcomes.Count(outcome => outcome.Ending.IsInterrupted);

    public int Hung => Outcomes.Count(outcome => outcome.Ending.Kind == StreamEndingKind.Hung);

    /// <summary>Every ending but complete and interrupted, e.g. "error `agent_failed` ×2, resume answered 204 ×1".</summary>
    public string OtherEndings => Summary(Outcomes.Where(ScalePhase.IsUnusual).Select(outcome => outcome.Ending.Label));

    public int AskedAgain => Outcomes.Sum(outcome => outcome.AskedAgain);

    public IEnumerable<ScaleOutcome> Resumed => Outcomes.Where(outcome => outcome.Resumes > 0);

    public IEnumerable<ScaleOutcome> CompletedAfterFault => Completed.Where(outcome => outcome.EndedAt > Fault.Start);

    /// <summary>Answers that were streaming when the fault began and completed anyway.</summary>
    public IEnumerable<ScaleOutcome> CarriedOn => CompletedAfterFault.Where(outcome => outcome.StartedAt < Fault.Start);

    public IEnumerable<ScaleOutcome> CompletedDuringFault => Completed.Where(outcome => Fault.Contains(outcome.EndedAt));

    /// <summary>Seconds from the fault's start to each interrupted stream's error.</summary>
    public LatencyStats InterruptedAfter => new(Outcomes.Where(outcome => outcome.Ending.IsInterrupted).Select(outcome => (outcome.EndedAt - Fault.Start).TotalSeconds));

    public LatencyStats TimeToFirstToken => new(Outcomes.Select(outcome => outcome.TimeToFirstTokenMs));

    public LatencyStats TimeToFirstTokenDuringFault => new(Outcomes.Where(outcome => Fault.Contains(outcome.StartedAt)).Select(outcome => outcome.TimeToFirstTokenMs));

    public double MeanMsPerToken => new LatencyStats(Completed.Select(outcome => outcome.MsPerToken)).Mean;

    /// <summary>Streams open while every user was asking: from the end of the ramp to the end of asking.</summary>
    public IReadOnlyList<PhaseSample> Held => [.. Timeline.Where(sample => sample.At >= Ramp && sample.At <= AskFor)];

    public long TokensDelivered => Outcomes.Sum(outcome => (long)outcome.Tokens);

    /// <summary>CPU time per token delivered to a client, of every API process, every Redis node, and this client.</summary>
    public (double Api, double Redis, double Client) CpuMicrosecondsPerToken
    {
        get
        {
            var tokens = Math.Max(TokensDelivered, 1);
            return (Cost.ApiCpu.TotalMicroseconds / tokens, Cost.RedisTotal.Cpu.TotalMicroseconds / tokens, Cost.ClientCpu.TotalMicroseconds / tokens);
        }
    }

    /// <summary>How often each state was seen by the replicas that lived through the phase, e.g. "Healthy ×310, Degraded ×42".</summary>
    public string HealthSeen(Func<HealthSample, bool> when) => Summary(Health.Where(when).Select(sample => sample.State));

    /// <summary>When the replica said Healthy again for good, from the end of the fault; whether it ever stopped.</summary>
    public string HealthyAgain(string replica)
    {
        var samples = Health.Where(sample => sample.Replica == replica && sample.At >= Fault.Start).ToArray();
        var lastUnhealthy = Array.FindLastIndex(samples, sample => sample.State != HealthWatch.HealthyState);
        return lastUnhealthy switch
        {
            < 0 => "stayed Healthy",
            _ when lastUnhealthy == samples.Length - 1 => $"not by +{(samples[^1].At - Fault.End).TotalSeconds:0.0} s",
            _ => $"+{(samples[lastUnhealthy + 1].At - Fault.End).TotalSeconds:0.0} s",
        };
    }

    public static string Summary(IEnumerable<string> labels)
    {
        var groups = labels.GroupBy(label => label).OrderByDescending(group => group.Count()).Select(group => $"{group.Key} ×{group.Count()}").ToArray();
        return groups.Length == 0 ? "none" : string.Join(", ", groups);
    }
}
