using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// The resumes of one case (run still live, or already completed) and how many of their runs were
/// confirmed to be in that state when resumed.
/// </summary>
public sealed record ResumeLatencyResult(string Case, IReadOnlyList<ResumeOutcome> Outcomes, int Confirmed)
{
    public int Errors => Outcomes.Count(outcome => !outcome.Succeeded);

    public LatencyStats Headers => new(Outcomes.Where(outcome => outcome.Succeeded).Select(outcome => outcome.HeadersMs));

    public LatencyStats FirstEvent => new(Outcomes.Where(outcome => outcome.Succeeded).Select(outcome => outcome.FirstEventMs));

    /// <summary>Errors by kind, e.g. "HTTP 204 ×2".</summary>
    public string ErrorSummary => string.Join(", ", Outcomes
        .Where(outcome => !outcome.Succeeded)
        .GroupBy(outcome => outcome.Error)
        .Select(group => $"{group.Key} ×{group.Count()}"));
}
