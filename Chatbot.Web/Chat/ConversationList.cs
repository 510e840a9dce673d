using Chatbot.Contracts.Api;
using Chatbot.Web.Api;
using Chatbot.Web.Identity;

namespace Chatbot.Web.Chat;

/// <summary>The user's conversations in the sidebar: listed, refreshed after each answer, deleted on request.</summary>
public sealed class ConversationList(ChatbotApiClient api, UserIdentity identity, ILogger logger)
{
    public IReadOnlyList<ConversationListItem> Items { get; private set; } = [];

    /// <summary>True when the list changed; an API that keeps no list, or is away, leaves it as it is.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            Items = await api.GetConversationsAsync(identity, cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            logger.LogInformation("Conversation list unavailable: {Message}", exception.Message);
            return false;
        }
    }

    /// <summary>Erases a conversation for good; false when the API could not.</summary>
    public async Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await api.DeleteConversationAsync(identity, conversationId, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning("Deleting a conversation failed: {Message}", exception.Message);
            return false;
        }
        await RefreshAsync(cancellationToken);
        return true;
    }
}
