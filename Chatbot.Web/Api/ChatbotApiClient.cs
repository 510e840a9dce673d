using System.Net;
using System.Net.Http.Json;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streams;
using Chatbot.Web.Identity;

namespace Chatbot.Web.Api;

/// <summary>The typed client for the API's short calls (prewarm, conversations, feedback), with standard resilience.</summary>
public sealed class ChatbotApiClient(HttpClient http)
{
    public async Task<PrewarmResponse?> PrewarmAsync(UserIdentity identity, string? conversationId, CancellationToken cancellationToken)
    {
        var path = conversationId is null ? ChatbotRoutes.Prewarm : $"{ChatbotRoutes.Prewarm}?{ChatbotRoutes.ConversationQuery}={Uri.EscapeDataString(conversationId)}";
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Get, path));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<PrewarmResponse>(cancellationToken);
    }

    /// <summary>The user's conversations, newest first; empty when the API keeps no list.</summary>
    public async Task<IReadOnlyList<ConversationListItem>> GetConversationsAsync(UserIdentity identity, CancellationToken cancellationToken)
    {
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Get, $"{ChatbotRoutes.Conversations}?page=1&page_size=50"));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ConversationListResponse>(cancellationToken))?.Items ?? [];
    }

    /// <summary>
    /// Asks the API to stop a run; true when it was running, false when it had ended or is unknown.
    /// The stream client's cancel, sent over this client's HttpClient and so with its retries.
    /// </summary>
    public Task<bool> CancelRunAsync(string runId, UserIdentity identity, CancellationToken cancellationToken) =>
        new ChatStreamClient(http).CancelRunAsync(runId, new StreamCallOptions { Prepare = request => identity.Apply(request) }, cancellationToken);

    /// <summary>Erases one of the user's conversations; false when it was unknown (or not the user's).</summary>
    public async Task<bool> DeleteConversationAsync(UserIdentity identity, string conversationId, CancellationToken cancellationToken)
    {
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Delete, ChatbotRoutes.Conversation(conversationId)));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
        response.EnsureSuccessStatusCode();
        return true;
    }

    /// <summary>Sets the user's vote on an answer, replacing an earlier one; throws when the API does not take it.</summary>
    public async Task<FeedbackResponse> VoteAsync(UserIdentity identity, string conversationId, string runId, FeedbackRequest vote, CancellationToken cancellationToken)
    {
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Put, ChatbotRoutes.AnswerFeedback(conversationId, runId)) { Content = JsonContent.Create(vote) });
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<FeedbackResponse>(cancellationToken)
            ?? throw new HttpRequestException("The API answered a vote with no body.");
    }

    /// <summary>Clears the user's vote on an answer; throws when the API does not take it.</summary>
    public async Task ClearVoteAsync(UserIdentity identity, string conversationId, string runId, CancellationToken cancellationToken)
    {
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Delete, ChatbotRoutes.AnswerFeedback(conversationId, runId)));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The stored turns, or null when the conversation is unknown (or not the user's).</summary>
    public async Task<ConversationResponse?> GetConversationAsync(UserIdentity identity, string conversationId, CancellationToken cancellationToken)
    {
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Conversation(conversationId)));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ConversationResponse>(cancellationToken);
    }
}
