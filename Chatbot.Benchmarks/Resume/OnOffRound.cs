namespace Chatbot.Benchmarks.Resume;

/// <summary>Resumable streams off and on, measured back to back at one level.</summary>
public sealed record OnOffRound(ModeMeasurement Off, ModeMeasurement On)
{
    public double ThroughputRatio => On.Result.TokensPerSecond / Off.Result.TokensPerSecond;
}
