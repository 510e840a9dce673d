namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// One question as its client saw it: which replica produced the run, when it started and ended
/// (from the phase's start), its time to first token, the last event received, the answer's
/// tokens put together across every resume, how often it resumed or asked again, and how it ended.
/// </summary>
public sealed record ScaleOutcome(
    int User,
    string ConversationId,
    string? RunId,
    int Producer,
    TimeSpan StartedAt,
    TimeSpan EndedAt,
    double TimeToFirstTokenMs,
    long LastEvent,
    int Tokens,
    string Answer,
    int Resumes,
    int AskedAgain,
    StreamEnding Ending)
{
    /// <summary>A run id came back: the API started a run for it.</summary>
    public bool Started => RunId is not null;

    /// <summary>Milliseconds between tokens after the first, as the client received them.</summary>
    public double MsPerToken => Tokens > 1 ? ((EndedAt - StartedAt).TotalMilliseconds - TimeToFirstTokenMs) / (Tokens - 1) : double.NaN;
}
