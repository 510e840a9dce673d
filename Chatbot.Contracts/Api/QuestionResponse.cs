using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>The non-streaming answer (the seed's QuestionResponse).</summary>
public sealed record QuestionResponse(
    [property: JsonPropertyName("answer")] string Answer,
    [property: JsonPropertyName("conversation_id")] string ConversationId);
