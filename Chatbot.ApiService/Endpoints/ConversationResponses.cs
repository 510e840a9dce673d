using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;

namespace Chatbot.ApiService.Endpoints;

/// <summary>Memory's conversations as the wire shows them.</summary>
public static class ConversationResponses
{
    public static ConversationListResponse From(ConversationPage page) =>
        new([.. page.Items.Select(item => new ConversationListItem(item.ConversationId, item.Title, item.UpdatedAt, item.Turns))],
            page.Page, page.PageSize, page.Total);

    public static ConversationResponse From(string conversationId, IReadOnlyList<ConversationTurn> turns) =>
        new(conversationId, [.. turns.Select(turn => new TurnResponse(turn.Role, turn.Content, turn.At, turn.Agent, turn.RunId, turn.Incomplete))]);
}
