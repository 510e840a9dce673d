using System.Text.Json.Serialization;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The body of <c>POST /ask_stream</c> (the seed's QuestionRequest).</summary>
public sealed record QuestionRequest(
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("conversation_id")] string? ConversationId);

/// <summary>The non-streaming answer (the seed's QuestionResponse).</summary>
public sealed record QuestionResponse(
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("conversation_id")] string ConversationId);
