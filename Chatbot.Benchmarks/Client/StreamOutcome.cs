namespace Chatbot.Benchmarks.Client;

/// <summary>
/// One streamed answer as the client saw it: time to the first <c>token</c> frame and to the
/// end, both from just before the request was sent; tokens received; the error, if any. For the
/// API also its own account of the run's time to first token (<c>ttft_ms</c> on <c>complete</c>:
/// from the run's start, after the request was read, to its first token), which splits the
/// client's TTFT into the agent run and everything around it; and what the answer cost, from
/// <c>complete</c>'s usage: model calls and the input tokens the model reported.
/// </summary>
public readonly record struct StreamOutcome(
    double TimeToFirstTokenMs, double TotalMs, int Tokens, string? Error, double ServerTimeToFirstTokenMs = double.NaN, int ModelCalls = 0, long InputTokens = 0)
{
    public bool Succeeded => Error is null;

    public static StreamOutcome Failed(double totalMs, int tokens, string error) => new(double.NaN, totalMs, tokens, error);
}
