namespace Chatbot.Benchmarks.Resume;

/// <summary>Every round at one level, and each target pooled over them.</summary>
public sealed record OnOffMeasurement(int Concurrency, IReadOnlyList<OnOffRound> Rounds)
{
    public ModeMeasurement Off => ModeMeasurement.Pool([.. Rounds.Select(round => round.Off)]);

    public ModeMeasurement On => ModeMeasurement.Pool([.. Rounds.Select(round => round.On)]);

    /// <summary>On ÷ off tokens/s over all rounds.</summary>
    public double ThroughputRatio => On.Result.TokensPerSecond / Off.Result.TokensPerSecond;
}
