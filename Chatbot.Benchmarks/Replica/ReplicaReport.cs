using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Replica;

/// <summary>Each window's cost, and the first window's against the last (the settled replica).</summary>
public static class ReplicaReport
{
    public static string Render(IReadOnlyList<ReplicaWindow> windows, string header)
    {
        var table = new MarkdownTable("answers", "errors", "tokens/s", "TTFT p50 ms", "TTFT p99 ms", "API CPU µs/token", "÷ last window");
        var settled = windows[^1].CpuPerTokenUs;
        foreach (var window in windows)
        {
            table.Row($"{window.AnsweredBefore + 1}–{window.AnsweredBefore + window.Result.Requests}", window.Errors,
                window.Result.TokensPerSecond, window.Result.TimeToFirstToken.P50, window.Result.TimeToFirstToken.P99,
                window.CpuPerTokenUs, window.CpuPerTokenUs / settled);
        }
        var first = windows[0].CpuPerTokenUs / settled;
        var target = first <= 1.5 ? "met" : "MISSED";
        return $"{header}\n\n{table}\nFirst window ÷ last: {first:0.00}× (target ≤ 1.5×: {target}).\n";
    }
}
