namespace Chatbot.Contracts.Api;

/// <summary>The API's paths (the seed's, under <see cref="Prefix"/>).</summary>
public static class ChatbotRoutes
{
    /// <summary>The seed's API_V1_STR, under which the chatbot's routes sit.</summary>
    public const string ApiPrefix = "/api/v1";

    public const string Chatbot = "/chatbot";

    public const string Prefix = ApiPrefix + Chatbot;

    public const string Prewarm = Prefix + "/prewarm";

    /// <summary>The query parameter with which <see cref="Prewarm"/> also loads one of the caller's conversations.</summary>
    public const string ConversationQuery = "conversation_id";
    public const string AskStream = Prefix + "/ask_stream";
    public const string Conversations = Prefix + "/conversations";
    public const string Health = Prefix + "/health";

    /// <summary>Resume a run's stream (<c>GET</c>).</summary>
    public static string Run(string runId) => $"{AskStream}/{Uri.EscapeDataString(runId)}";

    /// <summary>Stop a run (<c>POST</c>).</summary>
    public static string CancelRun(string runId) => $"{Run(runId)}/cancel";

    public static string Conversation(string conversationId) => $"{Conversations}/{Uri.EscapeDataString(conversationId)}";

    /// <summary>The caller's vote on the answer of a run (<c>PUT</c> sets it, <c>DELETE</c> clears it).</summary>
    public static string AnswerFeedback(string conversationId, string runId) =>
        $"{Conversation(conversationId)}/answers/{Uri.EscapeDataString(runId)}/feedback";
}
