using Chatbot.Benchmarks.Client;

namespace Chatbot.Benchmarks.Soak;

/// <summary>What the soak measured: memory before, the samples, the answers, and the window in which all streams were held.</summary>
public sealed record SoakResult(
    int Streams,
    int TokenDelayMs,
    long ResidentBytesBefore,
    IReadOnlyList<SoakSample> Samples,
    ClosedLoopResult Answers,
    TimeSpan HoldStart,
    TimeSpan HoldEnd,
    int ExpectedTokens)
{
    public IReadOnlyList<SoakSample> Held => Samples.Where(sample => sample.At >= HoldStart && sample.At <= HoldEnd).ToArray();

    public double MeanInFlight => Held.Average(sample => sample.InFlight);

    public int MinInFlight => Held.Min(sample => sample.InFlight);

    public double MeanStreaming => Held.Average(sample => sample.Streaming);

    public double MeanResidentBytes => Held.Average(sample => (double)sample.Api.ResidentBytes);

    public long MaxResidentBytes => Held.Max(sample => sample.Api.ResidentBytes);

    /// <summary>The growth of the API's resident memory while the streams were held, per request in flight.</summary>
    public double ResidentBytesPerStream => (MeanResidentBytes - ResidentBytesBefore) / MeanInFlight;

    /// <summary>The same at the highest sample of the hold: what a replica must have room for.</summary>
    public double PeakResidentBytesPerStream => (MaxResidentBytes - ResidentBytesBefore) / MeanInFlight;

    /// <summary>The API's CPU over the hold window, as a share of one core (100 % = one core busy).</summary>
    public double CpuPercentOfOneCore
    {
        get
        {
            var held = Held;
            var wall = held[^1].At - held[0].At;
            return 100 * (held[^1].Api.CpuTime - held[0].Api.CpuTime) / wall;
        }
    }

    /// <summary>The API's CPU time over the whole loop (ramp and hold) per answer: what a setting costs, whatever pace the machine allowed.</summary>
    public double CpuMsPerAnswer => (Samples[^1].Api.CpuTime - Samples[0].Api.CpuTime).TotalMilliseconds / Math.Max(Answers.Requests, 1);

    /// <summary>Milliseconds between tokens as the client saw them (total time ÷ tokens).</summary>
    public double MeanMsPerToken => Answers.Outcomes.Where(outcome => outcome.Succeeded && outcome.Tokens > 0)
        .Average(outcome => (outcome.TotalMs - outcome.TimeToFirstTokenMs) / Math.Max(outcome.Tokens - 1, 1));
}
