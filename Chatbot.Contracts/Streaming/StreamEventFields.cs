namespace Chatbot.Contracts.Streaming;

/// <summary>The fields of an event's JSON; which ones an event has depends on its type.</summary>
public static class StreamEventFields
{
    public const string Type = "type";

    /// <summary>The event's sequence number, also its SSE id.</summary>
    public const string Sequence = "seq";

    /// <summary><c>start</c>: the conversation, the run, and the question (so a stream resumed from 0 is the whole turn).</summary>
    public const string ConversationId = "conversation_id";
    public const string RunId = "run_id";
    public const string Question = "question";

    /// <summary><c>token</c> and <c>thinking</c>: the text.</summary>
    public const string Content = "content";

    /// <summary><c>thinking</c>: the indicator's text; <c>error</c>: what to show the user.</summary>
    public const string Message = "message";

    /// <summary><c>agent_start</c>: which agent took over.</summary>
    public const string Agent = "agent";

    /// <summary><c>tool_start</c> and <c>tool_end</c>: the tool, its input (at most 100 characters), its result (at most 200).</summary>
    public const string Tool = "tool";
    public const string Input = "input";
    public const string Result = "result";

    /// <summary><c>error</c>: what ended the answer (<see cref="StreamErrorCodes"/>), and the id the log has it under.</summary>
    public const string Code = "code";
    public const string CorrelationId = "correlation_id";

    /// <summary>
    /// <c>complete</c>: in <c>usage</c>, the input tokens the provider reported, the token events
    /// streamed, the model calls, and per agent (<c>agents</c>: agent, model calls, input and output
    /// tokens as the provider reported them); then time to first token and duration.
    /// </summary>
    public const string Usage = "usage";
    public const string InputTokens = "input_tokens";
    public const string OutputTokens = "output_tokens";
    public const string ModelCalls = "model_calls";
    public const string Agents = "agents";
    public const string TimeToFirstTokenMs = "ttft_ms";
    public const string DurationMs = "duration_ms";

    /// <summary>
    /// <c>complete</c>: the passages of the operator's documents the answer's tools returned, each
    /// a document and a heading (<see cref="Api.AnswerSource"/>); absent when none were.
    /// </summary>
    public const string Sources = "sources";
    public const string Document = "document";
    public const string Heading = "heading";
}
