namespace Chatbot.Benchmarks.Client;

/// <summary>
/// One resume as the client saw it, timed from just before the request was sent: to the response
/// headers and to the first replayed event, whose sequence number must follow the client's last.
/// When read to the end, the tokens that came after it. The error, if any.
/// </summary>
public readonly record struct ResumeOutcome(double HeadersMs, double FirstEventMs, long FirstSequence, int Tokens, string? Error)
{
    public bool Succeeded => Error is null;

    public static ResumeOutcome Failed(string error) => new(double.NaN, double.NaN, 0, 0, error);
}
