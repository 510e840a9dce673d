using System.Text.Json.Serialization;

namespace Chatbot.Web.Api;

/// <summary>One of the user's conversations, for the sidebar.</summary>
public sealed record ConversationSummary(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt);

public sealed record ConversationPage(
    [property: JsonPropertyName("items")] IReadOnlyList<ConversationSummary> Items);

/// <summary>A stored turn of a conversation.</summary>
public sealed record ConversationTurnDto(
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("incomplete")] bool Incomplete = false,
    [property: JsonPropertyName("run_id")] string? RunId = null);

public sealed record ConversationDetail(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("turns")] IReadOnlyList<ConversationTurnDto> Turns);
