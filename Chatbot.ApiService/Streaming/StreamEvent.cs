using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;

namespace Chatbot.ApiService.Streaming;

/// <summary>
/// One event of an answer's stream. Which fields are set depends on <see cref="Type"/>; the
/// frame writer emits only those, so every event is one small one-line JSON object.
/// </summary>
public sealed record StreamEvent(StreamEventType Type)
{
    public const int MaxToolInputLength = 100;
    public const int MaxToolResultLength = 200;
    /// <summary>The seed's indicator text, which its clients may show as it is.</summary>
    public const string ThinkingMessage = "Agent is processing...";
    public const string CancelledCode = StreamErrorCodes.Cancelled;
    public const string CancelledMessage = "The answer was stopped.";
    public const string InterruptedCode = StreamErrorCodes.Interrupted;
    public const string InterruptedMessage = "The server running this answer stopped; please ask again.";

    /// <summary>Increasing per stream, starting at 1; set once, by the run's sink, when the event is emitted.</summary>
    public long Sequence { get; set; }

    public string? Content { get; init; }
    public string? Message { get; init; }
    public string? Agent { get; init; }
    public string? Tool { get; init; }
    public string? Input { get; init; }
    public string? Result { get; init; }
    public string? Code { get; init; }
    public string? CorrelationId { get; init; }
    public string? ConversationId { get; init; }
    public string? RunId { get; init; }

    /// <summary>The question a <c>start</c> event answers, so a stream resumed from its start is the whole turn.</summary>
    public string? Question { get; init; }
    public RunStatistics? Statistics { get; init; }

    /// <summary>The passages a <c>complete</c> answer's tools returned; null or empty when none.</summary>
    public IReadOnlyList<AnswerSource>? Sources { get; init; }

    public static StreamEvent Started(string conversationId, string runId, string question) =>
        new(StreamEventType.Start) { ConversationId = conversationId, RunId = runId, Question = question };

    public static StreamEvent Token(string content) => new(StreamEventType.Token) { Content = content };

    public static StreamEvent Thinking(string content) =>
        new(StreamEventType.Thinking) { Content = content, Message = ThinkingMessage };

    public static StreamEvent AgentStarted(string agent) => new(StreamEventType.AgentStart) { Agent = agent };

    public static StreamEvent ToolStarted(string tool, string input) =>
        new(StreamEventType.ToolStart) { Tool = tool, Input = Truncate(input, MaxToolInputLength) };

    public static StreamEvent ToolEnded(string tool, string result) =>
        new(StreamEventType.ToolEnd) { Tool = tool, Result = Truncate(result, MaxToolResultLength) };

    public static StreamEvent Completed(RunStatistics statistics, IReadOnlyList<AnswerSource>? sources = null) =>
        new(StreamEventType.Complete) { Statistics = statistics, Sources = sources };

    public static StreamEvent Failed(string message, string code, string correlationId) =>
        new(StreamEventType.Error) { Message = message, Code = code, CorrelationId = correlationId };

    public static StreamEvent Cancelled(string runId) => Failed(CancelledMessage, CancelledCode, runId);

    /// <summary>Written by a follower on behalf of a producer that died mid-run.</summary>
    public static StreamEvent Interrupted(string runId) => Failed(InterruptedMessage, InterruptedCode, runId);

    public bool IsTerminal => Type is StreamEventType.Complete or StreamEventType.Error;

    private static string Truncate(string value, int maxLength) =>
        value.Length <= maxLength ? value : value[..maxLength];
}

/// <summary>
/// What the <c>complete</c> event reports about a run: the provider's input tokens, the token
/// events streamed, the model calls in all and <paramref name="Agents"/> per agent.
/// </summary>
public sealed record RunStatistics(
    long InputTokens,
    long OutputTokens,
    double? TimeToFirstTokenMs,
    double DurationMs,
    int ModelCalls = 0,
    IReadOnlyList<ModelUsage>? Agents = null);

/// <summary>What one agent's model calls cost in a run: calls, and the tokens the provider reported.</summary>
public sealed record ModelUsage(string Agent, int Calls, long InputTokens, long OutputTokens);
