using System.Diagnostics;
using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// One phase: the users stream answers from every replica, the fault strikes after
/// <see cref="ScaleOptions.FaultAfter"/>, the users stop asking after <see cref="ScaleOptions.AskFor"/>
/// and every open stream ends (or hits its deadline). Then, once every replica says Healthy
/// again (what an outage left is written back), every completed answer is read back from
/// memory; what is wrong is read again a while later, to tell a late write from a lost one.
/// </summary>
public sealed class ScalePhase(ScaleOptions options, ApiReplicaSet replicas, RedisCluster cluster)
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(60);

    public async Task<ScalePhaseResult> RunAsync(IScaleFault fault)
    {
        var clock = Stopwatch.StartNew();
        var taking = replicas.Replicas.ToArray();
        var meter = await PhaseMeter.StartAsync(taking, cluster, clock);
        using var http = StreamHttpClient.Create();
        var router = new ReplicaRouter([.. taking.Select(replica => replica.Target)]);
        var load = new ScaleLoad(new ResumingStreamClient(http, router, clock, options.StreamDeadline), options, clock, fault.Name);
        Console.WriteLine($"Phase {fault.Name}: {options.Streams} users over {string.Join(", ", taking.Select(replica => $"{replica.Name} {replica.Server.BaseUrl} (pid {replica.ProcessId})"))}");

        var health = HealthWatch.Start(taking, clock);
        var timeline = PhaseTimeline.Start(load, health, taking, clock);
        IReadOnlyList<ScaleOutcome> outcomes;
        FaultWindow window;
        StreamingCost cost;
        try
        {
            (outcomes, window) = await StreamThroughFaultAsync(load, fault, clock);
            cost = await meter.StopAsync();
            await SettleAsync(health, taking);
        }
        finally
        {
            await timeline.DisposeAsync();
            await health.DisposeAsync();
        }
        var memory = await AuditAsync(new MemoryAudit(http, taking, options.Question), outcomes);
        return new ScalePhaseResult(fault.Name, window, options.AskFor, options.Ramp, outcomes, memory, health.Samples, timeline.Samples, cost, clock.Elapsed);
    }

    /// <summary>Neither complete nor interrupted.</summary>
    public static bool IsUnusual(ScaleOutcome outcome) => !outcome.Ending.IsCompleted && !outcome.Ending.IsInterrupted;

    /// <summary>
    /// Time for what the outage left to be written back: at least the configured wait, then until
    /// every live replica says Healthy (its backlog is empty and every node connected), at most <see cref="SettleLimit"/>.
    /// </summary>
    private async Task SettleAsync(HealthWatch health, IReadOnlyList<ApiReplica> taking)
    {
        await Task.Delay(options.WriteBackWait);
        if (!await health.WaitUntilHealthyAsync(taking, SettleLimit))
        {
            Console.WriteLine($"Not every replica was Healthy {SettleLimit.TotalSeconds:0} s after the wait for the write-back; reading memory anyway.");
        }
    }

    private async Task<(IReadOnlyList<ScaleOutcome>, FaultWindow)> StreamThroughFaultAsync(ScaleLoad load, IScaleFault fault, Stopwatch clock)
    {
        var streaming = load.RunAsync();
        await Task.Delay(options.FaultAfter);
        var window = await fault.InjectAsync(clock);
        return (await streaming, window);
    }

    private async Task<MemoryFindings> AuditAsync(MemoryAudit audit, IReadOnlyList<ScaleOutcome> outcomes)
    {
        var problems = await audit.FindProblemsAsync(outcomes.Where(outcome => outcome.Ending.IsCompleted));
        var later = await RecheckAsync(audit, problems);
        var unusual = outcomes.Where(IsUnusual).Where(outcome => outcome.Started).ToArray();
        var runStates = await RunRecordProbe.ReadStatesAsync(cluster, unusual.Select(outcome => outcome.RunId!));
        var unusualProblems = await audit.FindProblemsAsync(unusual);
        var turnsInRedis = await ConversationProbe.CountTurnsAsync(cluster, unusual);
        return new MemoryFindings(problems, later, runStates, unusualProblems, turnsInRedis);
    }

    private static async Task<IReadOnlyDictionary<ScaleOutcome, string>> RecheckAsync(MemoryAudit audit, IReadOnlyDictionary<ScaleOutcome, string> problems)
    {
        if (problems.Count == 0)
        {
            return problems;
        }
        Console.WriteLine($"{problems.Count} completed answers not whole in memory ({ScalePhaseResult.Summary(problems.Values)}); reading them again in {Recheck.TotalSeconds:0} s");
        await Task.Delay(Recheck);
        return await audit.FindProblemsAsync(problems.Keys);
    }
}
