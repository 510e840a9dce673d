using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>One conversation in a list: its first question as title.</summary>
public sealed record ConversationListItem(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("turns")] long Turns);
