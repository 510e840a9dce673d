using System.Text.Json;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Web.Chat;

/// <summary>Applies one stream event to the answer being built. Returns the terminal outcome, if any.</summary>
public static class StreamEventApplier
{
    public static StreamOutcome Apply(ChatStreamEvent streamEvent, ChatMessage answer)
    {
        answer.IsReconnecting = streamEvent.Type == ChatStreamEvent.ReconnectingType;
        switch (streamEvent.Type)
        {
            case StreamEventTypes.Start:
                answer.RunId = streamEvent.Field(StreamEventFields.RunId);
                break;
            case StreamEventTypes.Token:
                answer.Append(streamEvent.Field(StreamEventFields.Content) ?? "");
                break;
            case StreamEventTypes.Thinking:
                AppendThinking(answer, streamEvent.Field(StreamEventFields.Content) ?? "");
                break;
            case StreamEventTypes.AgentStart:
                answer.AddStep(new ReasoningStep(ReasoningStepKind.Agent, streamEvent.Field(StreamEventFields.Agent) ?? "agent", ""));
                break;
            case StreamEventTypes.ToolStart:
                answer.AddStep(new ReasoningStep(ReasoningStepKind.Tool, streamEvent.Field(StreamEventFields.Tool) ?? "tool", streamEvent.Field(StreamEventFields.Input) ?? ""));
                break;
            case StreamEventTypes.ToolEnd:
                answer.CompleteTool(streamEvent.Field(StreamEventFields.Tool) ?? "tool", streamEvent.Field(StreamEventFields.Result) ?? "");
                break;
            case StreamEventTypes.Complete:
                CiteSources(streamEvent, answer);
                return StreamOutcome.Completed;
            case StreamEventTypes.Error when streamEvent.Field(StreamEventFields.Code) == StreamErrorCodes.Cancelled:
                answer.Incomplete = true;
                return StreamOutcome.Stopped;
            case StreamEventTypes.Error:
                return StreamOutcome.Failed(streamEvent.Field(StreamEventFields.Message) ?? "The assistant could not answer.", streamEvent.Field(StreamEventFields.CorrelationId));
        }
        return StreamOutcome.Continuing;
    }

    /// <summary>The passages <c>complete</c> names, if any; an answer without them keeps none.</summary>
    private static void CiteSources(ChatStreamEvent streamEvent, ChatMessage answer)
    {
        if (streamEvent.Data.TryGetProperty(StreamEventFields.Sources, out var sources) && sources.ValueKind == JsonValueKind.Array)
        {
            answer.Cite(sources.Deserialize<AnswerSource[]>() ?? []);
        }
    }

    /// <summary>Consecutive thinking pieces form one step, as a model streams its reasoning in parts.</summary>
    private static void AppendThinking(ChatMessage answer, string text)
    {
        if (answer.Reasoning.LastOrDefault() is { Kind: ReasoningStepKind.Thinking } open)
        {
            open.Detail += text;
            answer.Touch();
            return;
        }
        answer.AddStep(new ReasoningStep(ReasoningStepKind.Thinking, "Thinking", text));
    }
}

/// <summary>Whether the stream goes on, completed, was stopped, or failed with a message safe to show.</summary>
public sealed record StreamOutcome(bool IsTerminal, string? Error = null, string? CorrelationId = null)
{
    public static StreamOutcome Continuing { get; } = new(false);

    public static StreamOutcome Completed { get; } = new(true);

    /// <summary>Cancelled by Stop (this page's or another's): incomplete, but not a failure to report.</summary>
    public static StreamOutcome Stopped { get; } = new(true);

    public static StreamOutcome Failed(string message, string? correlationId) => new(true, message, correlationId);
}
