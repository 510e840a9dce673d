using System.Diagnostics;

namespace Chatbot.ApiService.Telemetry;

/// <summary>Our spans: runs, agent hand-offs, tool calls, prewarm components. Exported by ServiceDefaults.</summary>
public static class ChatbotActivities
{
    public const string RunIdTag = "chatbot.run_id";
    public const string ConversationIdTag = "chatbot.conversation_id";
    public const string AgentTag = "chatbot.agent";
    public const string ToolTag = "chatbot.tool";
    public const string ComponentTag = "chatbot.prewarm.component";

    public static readonly ActivitySource Source = new(ChatbotTelemetry.ServiceName);

    /// <summary>One agent's turn in a run: the manager's or a specialist's.</summary>
    public static Activity? StartAgentSpan(string agent) =>
        Source.StartActivity($"agent {agent}")?.SetTag(AgentTag, agent);

    public static void RecordError(this Activity? activity, Exception exception)
    {
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity?.AddException(exception);
    }
}
