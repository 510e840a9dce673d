namespace Chatbot.Contracts.Streaming;

/// <summary>The headers and query of an answer's stream, as the seed's clients and ours send and read them.</summary>
public static class StreamHeaders
{
    /// <summary>Request: <c>true</c> for Server-Sent Events instead of one JSON answer.</summary>
    public const string Stream = "x-stream";

    /// <summary>Request: <c>2</c> for agent, tool and thinking events besides tokens.</summary>
    public const string Level = "x-stream-level";

    /// <summary>Request: the event types wanted, comma-separated (wins over the level).</summary>
    public const string Events = "x-stream-events";

    /// <summary>Request: <c>true</c> for a run that goes on without its client and can be resumed.</summary>
    public const string Resumable = "x-stream-resumable";

    /// <summary>Response: the run's id, for resuming and stopping it.</summary>
    public const string RunId = "X-Run-Id";

    /// <summary>Response: the conversation the answer belongs to.</summary>
    public const string ConversationId = "X-Conversation-Id";

    /// <summary>Response: <c>true</c> when the run can be resumed by its id.</summary>
    public const string ResumableRun = "X-Stream-Resumable";

    /// <summary>Resume request: the sequence number of the last event the client has.</summary>
    public const string LastEventId = "Last-Event-ID";

    /// <summary>Resume request: the same position as a query parameter; wins over the header.</summary>
    public const string AfterQuery = "after";

    public const string ContentType = "text/event-stream";
}
