using System.Text;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Load;

/// <summary>The load mode's tables: every figure per target and level, then the API's ratios to the baseline and the targets.</summary>
public static class LoadReport
{
    public const double ThroughputTarget = 0.5;
    public const double FirstTokenP50TargetAtOne = 3;
    public const double FirstTokenP99TargetAt64 = 2;

    public static string Render(IReadOnlyList<LoadMeasurement> measurements, string header)
    {
        var text = new StringBuilder(header).Append("\n\n");
        text.Append(Figures(measurements)).Append('\n');
        text.Append("*run TTFT*: the API's own ttft_ms (on complete), from its run's start to the first token; the rest of TTFT is HTTP, the hand-off to the response and the client.\n\n");
        text.Append(Ratios(measurements)).Append('\n');
        text.Append(Targets(measurements));
        foreach (var failed in measurements.Where(measurement => measurement.Errors > 0))
        {
            text.Append($"\nErrors, {failed.Target} at c={failed.Concurrency}: {failed.Result.ErrorSummary(failed.ExpectedTokens)}");
        }
        return text.ToString();
    }

    private static string Figures(IReadOnlyList<LoadMeasurement> measurements)
    {
        var table = new MarkdownTable("c", "server", "answers", "errors", "tokens/answer", "model calls/answer", "input tokens/answer", "TTFT p50 ms", "TTFT p90 ms", "TTFT p99 ms",
            "run TTFT p50 ms", "total p50 ms", "total p99 ms", "answers/s", "tokens/s", "server CPU ms/answer", "server CPU %");
        foreach (var m in measurements)
        {
            var r = m.Result;
            table.Row(m.Concurrency, m.Target, r.Requests, m.Errors, (double)r.TokensReceived / Math.Max(r.Requests, 1),
                r.ModelCallsPerAnswer, r.InputTokensPerAnswer, r.TimeToFirstToken.P50, r.TimeToFirstToken.P90, r.TimeToFirstToken.P99,
                r.ServerTimeToFirstToken.P50, r.Total.P50, r.Total.P99, r.RequestsPerSecond, r.TokensPerSecond, m.ServerCpuMsPerRequest, 100 * m.ServerCpuShare);
        }
        return table.ToString();
    }

    private static string Ratios(IReadOnlyList<LoadMeasurement> measurements)
    {
        var table = new MarkdownTable("c", "TTFT p50 ×", "TTFT p90 ×", "TTFT p99 ×", "total p50 ×", "total p99 ×", "tokens/s ×", "server CPU/answer ×");
        foreach (var (api, baseline) in Pairs(measurements))
        {
            table.Row(api.Concurrency,
                Ratio(api.Result.TimeToFirstToken.P50, baseline.Result.TimeToFirstToken.P50),
                Ratio(api.Result.TimeToFirstToken.P90, baseline.Result.TimeToFirstToken.P90),
                Ratio(api.Result.TimeToFirstToken.P99, baseline.Result.TimeToFirstToken.P99),
                Ratio(api.Result.Total.P50, baseline.Result.Total.P50),
                Ratio(api.Result.Total.P99, baseline.Result.Total.P99),
                Ratio(api.Result.TokensPerSecond, baseline.Result.TokensPerSecond),
                Ratio(api.ServerCpuMsPerRequest, baseline.ServerCpuMsPerRequest));
        }
        return "API ÷ baseline (same run):\n\n" + table;
    }

    private static string Targets(IReadOnlyList<LoadMeasurement> measurements)
    {
        var pairs = Pairs(measurements).ToDictionary(pair => pair.Api.Concurrency);
        var lines = new StringBuilder("Targets:\n\n");
        if (pairs.TryGetValue(64, out var at64))
        {
            Check(lines, "tokens/s at c=64 ≥ 0.5× baseline", Ratio(at64.Api.Result.TokensPerSecond, at64.Baseline.Result.TokensPerSecond), ThroughputTarget, atLeast: true);
            Check(lines, "TTFT p99 at c=64 ≤ 2× baseline", Ratio(at64.Api.Result.TimeToFirstToken.P99, at64.Baseline.Result.TimeToFirstToken.P99), FirstTokenP99TargetAt64, atLeast: false);
        }
        if (pairs.TryGetValue(1, out var at1))
        {
            Check(lines, "TTFT p50 at c=1 ≤ 3× baseline", Ratio(at1.Api.Result.TimeToFirstToken.P50, at1.Baseline.Result.TimeToFirstToken.P50), FirstTokenP50TargetAtOne, atLeast: false);
        }
        return lines.ToString();
    }

    private static void Check(StringBuilder lines, string name, double ratio, double bound, bool atLeast)
    {
        var met = atLeast ? ratio >= bound : ratio <= bound;
        lines.Append($"- {name}: {MarkdownTable.Format(ratio)}× — {(met ? "met" : "MISSED")}\n");
    }

    private static IEnumerable<(LoadMeasurement Api, LoadMeasurement Baseline)> Pairs(IReadOnlyList<LoadMeasurement> measurements) =>
        from api in measurements.Where(m => m.Target == Client.StreamTarget.ApiName)
        join baseline in measurements.Where(m => m.Target == Client.StreamTarget.BaselineName) on api.Concurrency equals baseline.Concurrency
        select (api, baseline);

    private static double Ratio(double value, double baseline) => baseline > 0 ? value / baseline : double.NaN;
}
