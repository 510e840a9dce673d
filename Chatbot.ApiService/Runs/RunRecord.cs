namespace Chatbot.ApiService.Runs;

/// <summary>
/// What the run store knows about one resumable run besides its events: whose it is, where it
/// is, the last sequence number written and the first one still kept (older ones were trimmed).
/// </summary>
public sealed record RunRecord(string RunId, string ConversationId, string Owner, RunState State, long LastSequence, long FirstKeptSequence)
{
    public bool HasEnded => State != RunState.Running;

    public static RunRecord Started(string runId, string conversationId, string owner) =>
        new(runId, conversationId, owner, RunState.Running, LastSequence: 0, FirstKeptSequence: 1);
}
