using System.Text;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.ColdStart;

/// <summary>The cold-start tables: every process, then medians per variant and the targets (issue 24).</summary>
public static class ColdStartReport
{
    public const double ReadyTargetSeconds = 3;
    public const double FirstAnswerTargetMs = 50;

    private static readonly string[] Columns =
        ["listening ms", "ready ms", "first TTFT ms", "first run TTFT ms", "first total ms", "steady TTFT p50 ms", "first ÷ steady"];

    public static string Render(IReadOnlyList<ColdStartRun> runs, string header)
    {
        var text = new StringBuilder(header).Append("\n\n");
        var each = new MarkdownTable(["variant", "run", .. Columns]);
        foreach (var run in runs)
        {
            each.Row(run.Variant, run.Number, run.Listening.TotalMilliseconds, run.Ready.TotalMilliseconds, run.First.TimeToFirstTokenMs,
                run.First.ServerTimeToFirstTokenMs, run.First.TotalMs, run.SteadyTimeToFirstTokenMs, run.FirstToSteady);
        }
        text.Append(each).Append('\n');

        var medians = new MarkdownTable(["variant", "runs", .. Columns]);
        foreach (var variant in runs.GroupBy(run => run.Variant))
        {
            medians.Row(variant.Key, variant.Count(),
                Median(variant, run => run.Listening.TotalMilliseconds), Median(variant, run => run.Ready.TotalMilliseconds),
                Median(variant, run => run.First.TimeToFirstTokenMs), Median(variant, run => run.First.ServerTimeToFirstTokenMs), Median(variant, run => run.First.TotalMs),
                Median(variant, run => run.SteadyTimeToFirstTokenMs), Median(variant, run => run.FirstToSteady));
        }
        text.Append("Medians:\n\n").Append(medians).Append('\n');
        text.Append("*first TTFT*: from just before the request to its first token frame, as a client that has already warmed up "
            + "(on a baseline server) sees it: the server's share. *first run TTFT*: the API's own ttft_ms for that answer, "
            + "from its run's start to its first token; the rest of the first TTFT is the HTTP path around the run.\n\n");
        text.Append(Targets(runs));
        return text.ToString();
    }

    private static string Targets(IReadOnlyList<ColdStartRun> runs)
    {
        var text = new StringBuilder("Targets (2 cores, ReadyToRun): ready ≤ ")
            .Append($"{ReadyTargetSeconds} s after start, the first answer's TTFT after ready ≤ {FirstAnswerTargetMs} ms, medians:\n\n");
        foreach (var variant in runs.GroupBy(run => run.Variant))
        {
            var ready = Median(variant, run => run.Ready.TotalSeconds);
            var first = Median(variant, run => run.First.TimeToFirstTokenMs);
            text.Append($"- {variant.Key}: ready {ready:0.00} s — {Verdict(ready <= ReadyTargetSeconds)}; "
                + $"first TTFT {MarkdownTable.Format(first)} ms — {Verdict(first <= FirstAnswerTargetMs)}\n");
        }
        return text.ToString();
    }

    private static string Verdict(bool met) => met ? "met" : "MISSED";

    private static double Median(IEnumerable<ColdStartRun> runs, Func<ColdStartRun, double> value) => new LatencyStats(runs.Select(value)).P50;
}
