using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Client;

/// <summary>What a closed loop measured: every answer and the wall time it took.</summary>
public sealed record ClosedLoopResult(IReadOnlyList<StreamOutcome> Outcomes, TimeSpan Elapsed)
{
    public int Requests => Outcomes.Count;

    /// <summary>Several measured phases as one: all their answers over the sum of their times.</summary>
    public static ClosedLoopResult Combine(IEnumerable<ClosedLoopResult> results)
    {
        var list = results.ToList();
        return new ClosedLoopResult([.. list.SelectMany(result => result.Outcomes)], list.Aggregate(TimeSpan.Zero, (sum, result) => sum + result.Elapsed));
    }

    public int Errors(int expectedTokens) => Outcomes.Count(outcome => !IsGood(outcome, expectedTokens));

    public LatencyStats TimeToFirstToken => new(Outcomes.Where(outcome => outcome.Succeeded).Select(outcome => outcome.TimeToFirstTokenMs));

    public LatencyStats ServerTimeToFirstToken => new(Outcomes.Where(outcome => outcome.Succeeded).Select(outcome => outcome.ServerTimeToFirstTokenMs));

    public LatencyStats Total => new(Outcomes.Where(outcome => outcome.Succeeded).Select(outcome => outcome.TotalMs));

    /// <summary>Model calls an answer made, on average (the API reports them; the baseline makes none).</summary>
    public double ModelCallsPerAnswer => Outcomes.Where(outcome => outcome.Succeeded).Select(outcome => (double)outcome.ModelCalls).DefaultIfEmpty().Average();

    /// <summary>Input tokens the model reported an answer, on average.</summary>
    public double InputTokensPerAnswer => Outcomes.Where(outcome => outcome.Succeeded).Select(outcome => (double)outcome.InputTokens).DefaultIfEmpty().Average();

    public long TokensReceived => Outcomes.Sum(outcome => (long)outcome.Tokens);

    public double TokensPerSecond => TokensReceived / Elapsed.TotalSeconds;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Errors by kind, e.g. "timeout ×3, wrong token count ×1".</summary>
    public string ErrorSummary(int expectedTokens) => string.Join(", ", Outcomes
        .Where(outcome => !IsGood(outcome, expectedTokens))
        .GroupBy(outcome => outcome.Error ?? $"{outcome.Tokens} tokens, expected {expectedTokens}")
        .Select(group => $"{group.Key} ×{group.Count()}"));

    private static bool IsGood(StreamOutcome outcome, int expectedTokens) => outcome.Succeeded && outcome.Tokens == expectedTokens;
}
