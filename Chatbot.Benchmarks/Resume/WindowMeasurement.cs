using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// Answers at a model's pace with one journal window (or not resumable at all): what a reader
/// saw, what the API and Redis spent, and what was asked of Redis.
/// </summary>
public sealed record WindowMeasurement(string Setting, IReadOnlyList<CadenceOutcome> Outcomes, CpuTimes Cpu, RedisCommandStats Commands, int ExpectedTokens)
{
    private const string InfoCommand = "info";

    private IEnumerable<CadenceOutcome> Good => Outcomes.Where(outcome => outcome.Succeeded && outcome.Tokens == ExpectedTokens);

    public int Answers => Outcomes.Count;

    public int Errors => Outcomes.Count - Good.Count();

    /// <summary>Errors by kind, e.g. "timeout ×3, 98 tokens ×1".</summary>
    public string ErrorSummary => string.Join(", ", Outcomes
        .Where(outcome => !outcome.Succeeded || outcome.Tokens != ExpectedTokens)
        .GroupBy(outcome => outcome.Error ?? $"{outcome.Tokens} tokens, expected {ExpectedTokens}")
        .Select(group => $"{group.Key} ×{group.Count()}"));

    public LatencyStats TimeToFirstToken => new(Good.Select(outcome => outcome.TimeToFirstTokenMs));

    public LatencyStats Total => new(Good.Select(outcome => outcome.TotalMs));

    /// <summary>Per answer, the longest time the text stood still between two tokens.</summary>
    public LatencyStats LongestPause => new(Good.Select(outcome => outcome.LongestPauseMs));

    public double DeliveriesPerAnswer => Good.Select(outcome => (double)outcome.Deliveries).DefaultIfEmpty(double.NaN).Average();

    /// <summary>Journal appends: each is one <c>XADD</c> (one stream entry).</summary>
    public double AppendsPerAnswer => PerAnswer(Commands.Calls("xadd"));

    /// <summary>Script calls (every journal append, renewal and limit check, and memory's): the API's round trips to Redis, nearly all of them.</summary>
    public double ScriptsPerAnswer => PerAnswer(Commands.Calls("evalsha") + Commands.Calls("eval"));

    /// <summary>Every command Redis ran, those inside scripts included.</summary>
    public double CommandsPerAnswer => PerAnswer(Commands.Commands.Where(entry => entry.Key != InfoCommand).Sum(entry => entry.Value.Calls));

    public double ApiCpuMsPerAnswer => PerAnswer(Cpu.Api.TotalMilliseconds);

    public double RedisCpuMsPerAnswer => PerAnswer(Cpu.Redis.TotalMilliseconds);

    /// <summary>
    /// Streams one Redis core carries: an answer keeps a stream open for its duration and costs
    /// Redis its CPU per answer, so a core holds duration ÷ CPU of them at once.
    /// </summary>
    public double StreamsPerRedisCore => Total.Mean / RedisCpuMsPerAnswer;

    private double PerAnswer(double total) => total / Math.Max(Answers, 1);
}
