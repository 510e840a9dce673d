using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>The body of <c>POST /ask_stream</c> (the seed's QuestionRequest).</summary>
public sealed record QuestionRequest(
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("conversation_id")] string? ConversationId = null);
