namespace Chatbot.Web.Api;

/// <summary>The API refused or failed a question; the message is safe to show.</summary>
public sealed class ChatApiException(string message) : Exception(message);
