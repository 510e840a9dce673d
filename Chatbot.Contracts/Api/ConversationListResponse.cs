using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>The body of <c>GET /conversations</c>: one page of the caller's conversations, newest first.</summary>
public sealed record ConversationListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<ConversationListItem> Items,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total")] long Total);
