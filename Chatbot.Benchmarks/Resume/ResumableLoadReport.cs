using System.Text;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Resume;

/// <summary>The throughput part of <c>resume</c>: every figure per target and level, then on ÷ off and the target.</summary>
public static class ResumableLoadReport
{
    public const double ThroughputTarget = 0.7;
    public const int TargetConcurrency = 64;
    private const string InfoCommand = "info";

    /// <summary>Leaves out the client library's own occasional commands (heartbeat pings, INFO).</summary>
    private const double MinCallsPerAnswer = 0.01;

    public static string Render(IReadOnlyList<OnOffMeasurement> levels)
    {
        var text = new StringBuilder();
        text.Append(Figures(levels)).Append('\n');
        text.Append("CPU ms/answer: each process's CPU time over the measured phases ÷ answers; the client is this benchmark.\n\n");
        text.Append(Ratios(levels)).Append('\n');
        text.Append(Target(levels)).Append('\n');
        text.Append(RedisCommands(levels[^1]));
        foreach (var failed in levels.SelectMany(level => new[] { level.Off, level.On }).Where(mode => mode.Errors > 0))
        {
            text.Append($"\nErrors, {failed.Target} at c={failed.Concurrency}: {failed.Result.ErrorSummary(failed.ExpectedTokens)}");
        }
        return text.ToString();
    }

    private static string Figures(IReadOnlyList<OnOffMeasurement> levels)
    {
        var table = new MarkdownTable("c", "streams", "answers", "errors", "TTFT p50 ms", "TTFT p90 ms", "TTFT p99 ms", "run TTFT p50 ms",
            "total p50 ms", "total p99 ms", "answers/s", "tokens/s", "API CPU ms/answer", "Redis CPU ms/answer", "client CPU ms/answer");
        foreach (var m in levels.SelectMany(level => new[] { level.Off, level.On }))
        {
            var r = m.Result;
            table.Row(m.Concurrency, m.Target, r.Requests, m.Errors, r.TimeToFirstToken.P50, r.TimeToFirstToken.P90, r.TimeToFirstToken.P99,
                r.ServerTimeToFirstToken.P50, r.Total.P50, r.Total.P99, r.RequestsPerSecond, r.TokensPerSecond,
                m.PerAnswerMs(m.Cpu.Api), m.PerAnswerMs(m.Cpu.Redis), m.PerAnswerMs(m.Cpu.Client));
        }
        return table.ToString();
    }

    private static string Ratios(IReadOnlyList<OnOffMeasurement> levels)
    {
        var table = new MarkdownTable("c", "tokens/s ×", "tokens/s × per round", "TTFT p50 ×", "TTFT p99 ×", "API CPU/answer ×",
            "API + Redis CPU ms/answer more", "of which Redis", "µs more per event");
        foreach (var level in levels)
        {
            var (off, on) = (level.Off, level.On);
            var moreMs = on.PerAnswerMs(on.Cpu.Api + on.Cpu.Redis) - off.PerAnswerMs(off.Cpu.Api + off.Cpu.Redis);
            table.Row(level.Concurrency, level.ThroughputRatio,
                string.Join(", ", level.Rounds.Select(round => MarkdownTable.Format(round.ThroughputRatio))),
                on.Result.TimeToFirstToken.P50 / off.Result.TimeToFirstToken.P50,
                on.Result.TimeToFirstToken.P99 / off.Result.TimeToFirstToken.P99,
                on.PerAnswerMs(on.Cpu.Api) / off.PerAnswerMs(off.Cpu.Api),
                moreMs,
                on.PerAnswerMs(on.Cpu.Redis) - off.PerAnswerMs(off.Cpu.Redis),
                1000 * moreMs / on.EventsPerAnswer);
        }
        return "Resumable on ÷ off (same API process, same run; tokens/s × over all rounds, then each round's):\n\n" + table;
    }

    /// <summary>What each answer asked of Redis at one level, off and on, by Redis's own count.</summary>
    private static string RedisCommands(OnOffMeasurement level)
    {
        var (off, on) = (level.Off, level.On);
        var table = new MarkdownTable("command", "calls/answer off", "calls/answer on", "Redis µs/answer off", "Redis µs/answer on");
        foreach (var name in on.Commands.Commands.Keys.Union(off.Commands.Commands.Keys).Where(name => name != InfoCommand)
            .OrderByDescending(name => on.Commands.Commands.GetValueOrDefault(name).Microseconds))
        {
            var (offCalls, offTime) = off.Commands.Commands.GetValueOrDefault(name);
            var (onCalls, onTime) = on.Commands.Commands.GetValueOrDefault(name);
            if (Math.Max(PerAnswer(offCalls, off), PerAnswer(onCalls, on)) >= MinCallsPerAnswer)
            {
                table.Row(name, PerAnswer(offCalls, off), PerAnswer(onCalls, on), PerAnswer(offTime, off), PerAnswer(onTime, on));
            }
        }
        return $"Redis commands per answer at c={level.Concurrency} (`INFO commandstats`; commands a script calls are counted, and timed inside the script's `evalsha` too):\n\n" + table;
    }

    private static double PerAnswer(long total, ModeMeasurement mode) => (double)total / Math.Max(mode.Result.Requests, 1);

    private static string Target(IReadOnlyList<OnOffMeasurement> levels)
    {
        if (levels.FirstOrDefault(level => level.Concurrency == TargetConcurrency) is not { } level)
        {
            return "";
        }
        var met = level.ThroughputRatio >= ThroughputTarget;
        return $"Target: tokens/s with resumable on ≥ {ThroughputTarget}× off at c={TargetConcurrency}: "
            + $"{MarkdownTable.Format(level.ThroughputRatio)}× — {(met ? "met" : "MISSED")}\n";
    }
}
