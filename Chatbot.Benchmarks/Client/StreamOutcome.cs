namespace Chatbot.Benchmarks.Client;

/// <summary>
/// One streamed answer as the client saw it: time to the first <c>token</c> frame and to the
/// end, both from just before the request was sent; tokens received; the error, if any.
/// </summary>
public readonly record struct StreamOutcome(double TimeToFirstTokenMs, double TotalMs, int Tokens, string? Error)
{
    public bool Succeeded => Error is null;

    public static StreamOutcome Failed(double totalMs, int tokens, string error) => new(double.NaN, totalMs, tokens, error);
}
