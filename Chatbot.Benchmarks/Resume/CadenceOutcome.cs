namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// One answer as a reader sees it: time to the first token and to the end, tokens, the longest
/// pause between two token frames (how long the text stood still), and how many deliveries the
/// tokens came in (frames more than <see cref="CadenceClient.DeliveryGapMs"/> apart start a new one).
/// </summary>
public readonly record struct CadenceOutcome(double TimeToFirstTokenMs, double TotalMs, int Tokens, double LongestPauseMs, int Deliveries, string? Error)
{
    public bool Succeeded => Error is null;

    public static CadenceOutcome Failed(string error) => new(double.NaN, double.NaN, 0, double.NaN, 0, error);
}
