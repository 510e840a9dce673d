using System.Text;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>The scale mode's tables: one summary with a column per phase, then each phase's details.</summary>
public static class ScaleReport
{
    private const int TopCommands = 8;
    private const int ShownEndings = 12;
    private static readonly TimeSpan TimelineStep = TimeSpan.FromSeconds(5);

    public static string Render(IReadOnlyList<ScalePhaseResult> phases, string header)
    {
        var text = new StringBuilder(header).Append("\n\n");
        text.Append(Summary(phases)).Append('\n');
        foreach (var phase in phases)
        {
            text.Append(Details(phase));
        }
        return text.ToString();
    }

    private static MarkdownTable Summary(IReadOnlyList<ScalePhaseResult> phases)
    {
        var table = new MarkdownTable(["measure", .. phases.Select(phase => phase.Name)]);
        void Row(string measure, Func<ScalePhaseResult, object?> value) => table.Row([measure, .. phases.Select(value)]);

        Row("fault", phase => phase.Fault.What);
        Row("streams open while all users asked (min / mean)", phase => phase.Held.Count == 0 ? "–" : $"{phase.Held.Min(sample => sample.InFlight)} / {phase.Held.Average(sample => sample.InFlight):0}");
        Row("questions asked", phase => phase.Outcomes.Count);
        Row("streams started (run id received)", phase => phase.Started);
        Row("**completed**", phase => phase.CompletedCount);
        Row("**interrupted** (`error` coded `interrupted`)", phase => phase.Interrupted);
        Row("**hung** (no end before the deadline)", phase => phase.Hung);
        Row("interrupted: s from the fault to the error (p50 / max)", phase => $"{MarkdownTable.Format(phase.InterruptedAfter.P50)} / {MarkdownTable.Format(phase.InterruptedAfter.Max)}");
        Row("other endings", phase => phase.OtherEndings);
        Row("streams resumed on another replica (completed / interrupted)", phase =>
            $"{phase.Resumed.Count()} ({phase.Resumed.Count(outcome => outcome.Ending.IsCompleted)} / {phase.Resumed.Count(outcome => outcome.Ending.IsInterrupted)})");
        Row("questions asked again (connection broke before the response)", phase => phase.AskedAgain);
        Row("**completed but not whole in memory** (first read / 10 s later)", phase => $"{phase.Memory.Problems.Count} / {phase.Memory.ProblemsLater.Count}");
        Row("completed after the fault began (of them streaming before it)", phase => $"{phase.CompletedAfterFault.Count()} ({phase.CarriedOn.Count()})");
        Row("completed during the fault window", phase => phase.CompletedDuringFault.Count());
        Row("`/health` seen before / during / after the fault", phase =>
            $"{phase.HealthSeen(sample => sample.At < phase.Fault.Start)} / {phase.HealthSeen(sample => phase.Fault.Contains(sample.At))} / {phase.HealthSeen(sample => sample.At > phase.Fault.End)}");
        Row("`Healthy` again after the fault ended (each surviving replica)", phase =>
            string.Join(", ", phase.Cost.Api.Where(api => !api.Killed).Select(api => $"{api.Name} {phase.HealthyAgain(api.Name)}")));
        Row("TTFT p50 / p99 ms", phase => $"{MarkdownTable.Format(phase.TimeToFirstToken.P50)} / {MarkdownTable.Format(phase.TimeToFirstToken.P99)}");
        Row("TTFT p50 / p99 ms, asked during the fault window", phase =>
            $"{MarkdownTable.Format(phase.TimeToFirstTokenDuringFault.P50)} / {MarkdownTable.Format(phase.TimeToFirstTokenDuringFault.P99)}");
        Row("ms between tokens (mean, completed)", phase => phase.MeanMsPerToken);
        Row("tokens delivered per second", phase => phase.TokensDelivered / phase.Cost.Elapsed.TotalSeconds);
        Row("machine CPU busy while streaming (all processes, ours and others')", phase => $"{phase.Cost.Machine.BusyPercent:0} % of {Environment.ProcessorCount} cores for {phase.Cost.Elapsed.TotalSeconds:0} s");
        Row("CPU s while streaming: API replicas / Redis nodes / client", phase =>
            $"{phase.Cost.ApiCpu.TotalSeconds:0.0} / {phase.Cost.RedisTotal.Cpu.TotalSeconds:0.0} / {phase.Cost.ClientCpu.TotalSeconds:0.0}");
        Row("CPU µs per token delivered: API / Redis / client", phase =>
            $"{phase.CpuMicrosecondsPerToken.Api:0} / {phase.CpuMicrosecondsPerToken.Redis:0} / {phase.CpuMicrosecondsPerToken.Client:0}");
        Row("Redis CPU s per node (`INFO cpu`)", phase => string.Join(" / ", phase.Cost.Redis.Select(node => node.Cpu.TotalSeconds.ToString("0.0"))));
        Row("Redis commands (per completed answer)", phase => $"{phase.Cost.RedisTotal.Calls:N0} ({(double)phase.Cost.RedisTotal.Calls / Math.Max(phase.CompletedCount, 1):0})");
        Row("phase took s", phase => phase.Duration.TotalSeconds);
        return table;
    }

    private static string Details(ScalePhaseResult phase)
    {
        var text = new StringBuilder($"\n### {phase.Name}\n\n{phase.Fault.What}.\n\n");
        text.Append("`/health` of each replica (state from the time shown, relative to the fault's start):\n\n").Append(HealthTransitions(phase)).Append('\n');
        text.Append(Replicas(phase)).Append('\n');
        text.Append(RedisNodes(phase)).Append('\n');
        if (phase.Memory.Problems.Count > 0)
        {
            text.Append($"Not whole in memory at the first read: {ScalePhaseResult.Summary(phase.Memory.Problems.Values)}; 10 s later: {ScalePhaseResult.Summary(phase.Memory.ProblemsLater.Values)}.\n\n");
        }
        text.Append(UnusualEndings(phase));
        text.Append("Timeline:\n\n").Append(Timeline(phase));
        return text.ToString();
    }

    private static string HealthTransitions(ScalePhaseResult phase) => string.Concat(phase.Health.GroupBy(sample => sample.Replica).Select(replica =>
    {
        var samples = replica.ToArray();
        var changes = samples.Where((sample, index) => index == 0 || sample.State != samples[index - 1].State);
        return $"- {replica.Key}: {string.Join(" → ", changes.Select(sample => $"{sample.State} ({Relative(sample.At - phase.Fault.Start)})"))} ({samples.Length} answers)\n";
    }));

    private static MarkdownTable Replicas(ScalePhaseResult phase)
    {
        var table = new MarkdownTable("replica", "streams started", "completed", "completed after the fault", "interrupted", "CPU s while streaming");
        foreach (var (api, index) in phase.Cost.Api.Select((api, index) => (api, index)))
        {
            var produced = phase.Outcomes.Where(outcome => outcome.Started && outcome.Producer == index).ToArray();
            table.Row(api.Killed ? $"{api.Name} (killed)" : api.Name, produced.Length, produced.Count(outcome => outcome.Ending.IsCompleted),
                produced.Count(outcome => outcome.Ending.IsCompleted && outcome.EndedAt > phase.Fault.Start), produced.Count(outcome => outcome.Ending.IsInterrupted), api.Cpu.TotalSeconds);
        }
        return table;
    }

    private static MarkdownTable RedisNodes(ScalePhaseResult phase)
    {
        var table = new MarkdownTable("Redis node", "CPU s while streaming", "% of one core", "commands", "top commands (calls)");
        foreach (var (node, index) in phase.Cost.Redis.Select((node, index) => (node, index)))
        {
            var top = node.Commands.Commands.OrderByDescending(command => command.Value.Calls).Take(TopCommands)
                .Select(command => $"{command.Key} {command.Value.Calls:N0}");
            table.Row(index + 1, node.Cpu.TotalSeconds, Share(node.Cpu, phase.Cost.Elapsed), node.Calls, string.Join(", ", top));
        }
        return table;
    }

    /// <summary>The first streams that ended neither complete nor interrupted, with what their client knew: evidence to look up in the API's logs.</summary>
    private static string UnusualEndings(ScalePhaseResult phase)
    {
        var unusual = phase.Outcomes.Where(ScalePhase.IsUnusual).OrderBy(outcome => outcome.StartedAt).ToArray();
        if (unusual.Length == 0)
        {
            return "";
        }
        var table = new MarkdownTable("conversation", "run", "producer", "started s", "ended s", "last event", "tokens", "resumes", "ending",
            "run in Redis afterwards", "turns read back", "turns in Redis");
        foreach (var outcome in unusual.Take(ShownEndings))
        {
            var hasRun = outcome.Started;
            table.Row(outcome.ConversationId, outcome.RunId, phase.Cost.Api[outcome.Producer].Name, outcome.StartedAt.TotalSeconds, outcome.EndedAt.TotalSeconds,
                outcome.LastEvent, outcome.Tokens, outcome.Resumes, outcome.Ending.Label, hasRun ? phase.Memory.UnusualRunStates.GetValueOrDefault(outcome.RunId!) : null,
                hasRun ? phase.Memory.InMemory(outcome) : null, hasRun ? phase.Memory.UnusualTurnsInRedis.GetValueOrDefault(outcome) : null);
        }
        var started = unusual.Where(outcome => outcome.Started).ToArray();
        return $"Streams that ended neither complete nor interrupted: {unusual.Length}, of them {started.Length} with a run id. "
            + $"Their runs in Redis afterwards: {ScalePhaseResult.Summary(started.Select(outcome => phase.Memory.UnusualRunStates.GetValueOrDefault(outcome.RunId!, "?")))}. "
            + $"Their turns read back through the API: {ScalePhaseResult.Summary(started.Select(phase.Memory.InMemory))}. "
            + $"Turns Redis holds for their conversations: {ScalePhaseResult.Summary(started.Select(outcome => phase.Memory.UnusualTurnsInRedis.GetValueOrDefault(outcome).ToString()))}. "
            + $"The first {Math.Min(unusual.Length, ShownEndings)}:\n\n{table}\n";
    }

    /// <summary>Every 5 s: streams open, answers so far, and the time to first token of the questions asked since the row before.</summary>
    private static MarkdownTable Timeline(ScalePhaseResult phase)
    {
        var table = new MarkdownTable("s", "streams open", "completed so far", "ended otherwise so far", "TTFT p50 / p99 ms of questions asked since the row before");
        var previous = TimeSpan.Zero;
        foreach (var sample in phase.Timeline.Where(sample => sample.At >= previous + TimelineStep - TimeSpan.FromMilliseconds(500)))
        {
            var asked = new LatencyStats(phase.Outcomes.Where(outcome => outcome.StartedAt > previous && outcome.StartedAt <= sample.At).Select(outcome => outcome.TimeToFirstTokenMs));
            table.Row(sample.At.TotalSeconds, sample.InFlight, sample.Completed, sample.Ended - sample.Completed,
                $"{MarkdownTable.Format(asked.P50)} / {MarkdownTable.Format(asked.P99)}");
            previous = sample.At;
        }
        return table;
    }

    private static double Share(TimeSpan cpu, TimeSpan wall) => 100 * cpu / wall;

    private static string Relative(TimeSpan offset) => $"{(offset < TimeSpan.Zero ? "−" : "+")}{Math.Abs(offset.TotalSeconds):0.0} s";
}
