using System.Text;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.ColdStart;

/// <summary>The cold-start tables: every process, then medians per variant and the targets.</summary>
public static class ColdStartReport
{
    public const double ReadyTargetSeconds = 2;
    public const double FirstAfterPrewarmTarget = 1.5;

    public static string Render(IReadOnlyList<ColdStartRun> runs, string header)
    {
        var text = new StringBuilder(header).Append("\n\n");
        var each = new MarkdownTable("prewarm", "run", "listening ms", "ready ms", "first TTFT ms", "first run TTFT ms", "first total ms", "steady TTFT p50 ms", "first ÷ steady");
        foreach (var (run, index) in runs.Select((run, index) => (run, index)))
        {
            each.Row(run.Prewarm ? "on" : "off", index / 2 + 1, run.Listening.TotalMilliseconds, run.Ready.TotalMilliseconds,
                run.First.TimeToFirstTokenMs, run.First.ServerTimeToFirstTokenMs, run.First.TotalMs, run.SteadyTimeToFirstTokenMs, run.FirstToSteady);
        }
        text.Append(each).Append('\n');

        var medians = new MarkdownTable("prewarm", "runs", "listening ms", "ready ms", "first TTFT ms", "first run TTFT ms", "first total ms", "steady TTFT ms", "first ÷ steady");
        foreach (var variant in runs.GroupBy(run => run.Prewarm))
        {
            medians.Row(variant.Key ? "on" : "off", variant.Count(),
                Median(variant, run => run.Listening.TotalMilliseconds), Median(variant, run => run.Ready.TotalMilliseconds),
                Median(variant, run => run.First.TimeToFirstTokenMs), Median(variant, run => run.First.ServerTimeToFirstTokenMs), Median(variant, run => run.First.TotalMs),
                Median(variant, run => run.SteadyTimeToFirstTokenMs), Median(variant, run => run.FirstToSteady));
        }
        text.Append("Medians:\n\n").Append(medians).Append('\n');
        text.Append("*first run TTFT*: the API's own ttft_ms for that first answer, from its run's start to its first token; the rest of the first TTFT is the HTTP path around the run.\n\n");
        text.Append(Targets(runs));
        return text.ToString();
    }

    private static string Targets(IReadOnlyList<ColdStartRun> runs)
    {
        var warm = runs.Where(run => run.Prewarm).ToArray();
        var cold = runs.Where(run => !run.Prewarm).ToArray();
        var text = new StringBuilder("Targets:\n\n");
        if (warm.Length > 0)
        {
            var ready = warm.Max(run => run.Ready.TotalSeconds);
            text.Append($"- ready (prewarmed) within {ReadyTargetSeconds} s of process start, slowest run: {ready:0.00} s — {(ready <= ReadyTargetSeconds ? "met" : "MISSED")}\n");
            var ratio = Median(warm, run => run.FirstToSteady);
            text.Append($"- first answer after prewarm ≤ {FirstAfterPrewarmTarget}× steady TTFT, median: {MarkdownTable.Format(ratio)}× — {(ratio <= FirstAfterPrewarmTarget ? "met" : "MISSED")}\n");
        }
        if (warm.Length > 0 && cold.Length > 0)
        {
            var slower = Median(cold, run => run.First.TimeToFirstTokenMs) / Median(warm, run => run.First.TimeToFirstTokenMs);
            text.Append($"- without prewarm the first TTFT is {MarkdownTable.Format(slower)}× the prewarmed one "
                + $"({MarkdownTable.Format(Median(cold, run => run.First.TimeToFirstTokenMs))} ms vs {MarkdownTable.Format(Median(warm, run => run.First.TimeToFirstTokenMs))} ms)\n");
        }
        return text.ToString();
    }

    private static double Median(IEnumerable<ColdStartRun> runs, Func<ColdStartRun, double> value) => new LatencyStats(runs.Select(value)).P50;
}
