namespace Chatbot.ApiService.Runs;

/// <summary>
/// What the run store knows about one resumable run besides its events: whose it is, where it
/// is, when it started and ended, the last sequence number written and the first one still kept
/// (older ones were trimmed).
/// </summary>
public sealed record RunRecord(
    string RunId,
    string ConversationId,
    string Owner,
    RunState State,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    long LastSequence,
    long FirstKeptSequence)
{
    public bool HasEnded => State != RunState.Running;

    public static RunRecord Started(string runId, string conversationId, string owner, DateTimeOffset at) =>
        new(runId, conversationId, owner, RunState.Running, at, EndedAt: null, LastSequence: 0, FirstKeptSequence: 1);
}
