using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Resume;

/// <summary>The journal-window part of <c>resume</c>: one row per window, then each process's reference without resumable streams.</summary>
public static class WindowSweepReport
{
    public static string Render(IReadOnlyList<WindowComparison> windows) =>
        Resumable(windows)
        + "\nNot resumable, measured in the same process just before (the *more* columns above are against it):\n\n" + NotResumable(windows)
        + "\n*longest pause*: per answer, the longest time between two token frames reaching the client (the text standing still); "
        + $"*deliveries*: token frames more than {CadenceClient.DeliveryGapMs} ms apart start a new one; *appends*: `xadd` calls (one stream entry an append); "
        + "*scripts*: `evalsha` + `eval` calls (journal, lease, open-answer limit, memory); *Redis commands*: every command Redis counted, those inside scripts too; "
        + "*streams per Redis core*: mean answer duration ÷ Redis CPU an answer.\n"
        + Errors(windows);

    private static string Resumable(IReadOnlyList<WindowComparison> windows)
    {
        var table = new MarkdownTable("journal window", "answers", "errors", "TTFT p50 ms", "TTFT p99 ms", "total p50 ms",
            "longest pause p50 ms", "longest pause p99 ms", "deliveries/answer", "appends/answer", "scripts/answer", "Redis commands/answer",
            "Redis CPU ms/answer", "streams per Redis core", "API CPU ms/answer more", "Redis CPU ms/answer more");
        foreach (var window in windows)
        {
            var row = window.Resumable;
            table.Row(row.Setting, row.Answers, row.Errors, row.TimeToFirstToken.P50, row.TimeToFirstToken.P99, row.Total.P50,
                row.LongestPause.P50, row.LongestPause.P99, row.DeliveriesPerAnswer, row.AppendsPerAnswer, row.ScriptsPerAnswer,
                row.CommandsPerAnswer, row.RedisCpuMsPerAnswer, row.StreamsPerRedisCore, window.ApiCpuMsMore, window.RedisCpuMsMore);
        }
        return table.ToString();
    }

    private static string NotResumable(IReadOnlyList<WindowComparison> windows)
    {
        var table = new MarkdownTable("process of", "answers", "errors", "TTFT p50 ms", "TTFT p99 ms", "longest pause p50 ms", "scripts/answer",
            "Redis commands/answer", "API CPU ms/answer", "Redis CPU ms/answer");
        foreach (var row in windows.Select(window => window.NotResumable))
        {
            table.Row(row.Setting, row.Answers, row.Errors, row.TimeToFirstToken.P50, row.TimeToFirstToken.P99, row.LongestPause.P50,
                row.ScriptsPerAnswer, row.CommandsPerAnswer, row.ApiCpuMsPerAnswer, row.RedisCpuMsPerAnswer);
        }
        return table.ToString();
    }

    private static string Errors(IReadOnlyList<WindowComparison> windows) => string.Concat(windows
        .SelectMany(window => new[] { window.NotResumable, window.Resumable })
        .Where(row => row.Errors > 0)
        .Select(row => $"\nErrors, {row.Setting}: {row.ErrorSummary}\n"));
}
