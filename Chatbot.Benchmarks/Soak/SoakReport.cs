using System.Text;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Soak;

/// <summary>The soak's tables: the summary with its target, then a timeline.</summary>
public static class SoakReport
{
    private const double MiB = 1024 * 1024;

    /// <summary>Held: every sample of the hold window has at least this share of the streams in flight.</summary>
    private const double HeldShare = 0.99;

    public static string Render(SoakResult result, string header)
    {
        var answers = result.Answers;
        var errors = answers.Errors(result.ExpectedTokens);
        var text = new StringBuilder(header).Append("\n\n");
        text.Append(new MarkdownTable("streams", "answers", "errors", "in flight (min / mean)", "streaming (mean)", "RSS before MiB", "RSS held mean / max MiB",
                "KiB per stream in flight (mean / peak)", "API CPU % of one core", "API CPU ms an answer", "TTFT p50 / p99 ms", "ms between tokens", "total p50 / p99 ms")
            .Row(result.Streams, answers.Requests, errors, $"{result.MinInFlight} / {result.MeanInFlight:0}", result.MeanStreaming,
                result.ResidentBytesBefore / MiB, $"{result.MeanResidentBytes / MiB:0} / {result.MaxResidentBytes / MiB:0}",
                $"{result.ResidentBytesPerStream / 1024:0} / {result.PeakResidentBytesPerStream / 1024:0}", result.CpuPercentOfOneCore, result.CpuMsPerAnswer,
                $"{answers.TimeToFirstToken.P50:0.0} / {answers.TimeToFirstToken.P99:0.0}", result.MeanMsPerToken,
                $"{answers.Total.P50:0} / {answers.Total.P99:0}"));
        text.Append('\n');
        text.Append($"Target: {result.Streams} concurrent streams held with zero errors — {(errors == 0 && result.MinInFlight >= result.Streams * HeldShare ? "met" : "MISSED")}"
            + (errors > 0 ? $" ({answers.ErrorSummary(result.ExpectedTokens)})" : "") + "\n\n");

        var timeline = new MarkdownTable("s", "in flight", "streaming", "API RSS MiB", "API CPU s");
        foreach (var sample in result.Samples.Where((_, index) => index % 5 == 0))
        {
            timeline.Row(sample.At.TotalSeconds, sample.InFlight, sample.Streaming, sample.Api.ResidentBytes / MiB, sample.Api.CpuTime.TotalSeconds);
        }
        text.Append("Timeline (every 5 s):\n\n").Append(timeline);
        return text.ToString();
    }
}
