using Chatbot.ApiService.Runs;

namespace Chatbot.ApiService.Answers;

/// <summary>What a stop request came to, with the run when one of the caller's was found.</summary>
public sealed record CancelResult(CancelStatus Status, RunRecord? Run = null);

public enum CancelStatus
{
    /// <summary>It was running: it stops wherever it runs, and its stream ends with <c>error</c> coded <c>cancelled</c>.</summary>
    Cancelling,

    /// <summary>No run of the caller's with this id.</summary>
    NotFound,

    /// <summary>It had already ended.</summary>
    AlreadyEnded,
}
