using Chatbot.Web.Api;

namespace Chatbot.Web.Chat;

/// <summary>Applies one stream event to the answer being built. Returns the terminal outcome, if any.</summary>
public static class StreamEventApplier
{
    public const string CancelledCode = "cancelled";

    public static StreamOutcome Apply(ChatStreamEvent streamEvent, ChatMessage answer)
    {
        answer.IsReconnecting = streamEvent.Type == ChatStreamEvent.ReconnectingType;
        switch (streamEvent.Type)
        {
            case "start":
                answer.RunId = streamEvent.Field("run_id");
                break;
            case "token":
                answer.Append(streamEvent.Field("content") ?? "");
                break;
            case "thinking":
                AppendThinking(answer, streamEvent.Field("content") ?? "");
                break;
            case "agent_start":
                answer.AddStep(new ReasoningStep(ReasoningStepKind.Agent, streamEvent.Field("agent") ?? "agent", ""));
                break;
            case "tool_start":
                answer.AddStep(new ReasoningStep(ReasoningStepKind.Tool, streamEvent.Field("tool") ?? "tool", streamEvent.Field("input") ?? ""));
                break;
            case "tool_end":
                answer.CompleteTool(streamEvent.Field("tool") ?? "tool", streamEvent.Field("result") ?? "");
                break;
            case "complete":
                return StreamOutcome.Completed;
            case "error" when streamEvent.Field("code") == CancelledCode:
                answer.Incomplete = true;
                return StreamOutcome.Stopped;
            case "error":
                return StreamOutcome.Failed(streamEvent.Field("message") ?? "The assistant could not answer.", streamEvent.Field("correlation_id"));
        }
        return StreamOutcome.Continuing;
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
