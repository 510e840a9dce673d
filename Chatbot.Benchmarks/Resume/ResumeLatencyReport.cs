using System.Text;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Resume;

/// <summary>The resume-latency part of <c>resume</c>: one row per case.</summary>
public static class ResumeLatencyReport
{
    public static string Render(IReadOnlyList<ResumeLatencyResult> cases)
    {
        var table = new MarkdownTable("run", "resumes", "errors", "confirmed in that state", "headers p50 ms",
            "first event p50 ms", "first event p90 ms", "first event p99 ms", "first event max ms");
        foreach (var result in cases)
        {
            table.Row(result.Case, result.Outcomes.Count, result.Errors, result.Confirmed, result.Headers.P50,
                result.FirstEvent.P50, result.FirstEvent.P90, result.FirstEvent.P99, result.FirstEvent.Max);
        }
        var text = new StringBuilder(table.ToString()).Append('\n');
        text.Append("*first event*: from just before the GET is sent to the first replayed event parsed; *headers*: to the response headers. ")
            .Append("*confirmed*: live runs answered the cancel sent after the first replayed event with 202 (still running); completed runs were `completed` in Redis before the GET.\n");
        foreach (var failed in cases.Where(result => result.Errors > 0))
        {
            text.Append($"\nErrors, {failed.Case}: {failed.ErrorSummary}");
        }
        return text.ToString();
    }
}
