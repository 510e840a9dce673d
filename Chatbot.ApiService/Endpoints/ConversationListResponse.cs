using System.Text.Json.Serialization;
using Chatbot.ApiService.Memory;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The body of <c>GET /conversations</c>: one page of the caller's conversations, newest first.</summary>
public sealed record ConversationListResponse(
    [property: JsonPropertyName("items")] IReadOnlyList<ConversationListItem> Items,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total")] long Total)
{
    public static ConversationListResponse From(ConversationPage page) =>
        new([.. page.Items.Select(ConversationListItem.From)], page.Page, page.PageSize, page.Total);
}

/// <summary>One conversation in the sidebar: its first question as title.</summary>
public sealed record ConversationListItem(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("turns")] long Turns)
{
    public static ConversationListItem From(ConversationSummary summary) =>
        new(summary.ConversationId, summary.Title, summary.UpdatedAt, summary.Turns);
}
