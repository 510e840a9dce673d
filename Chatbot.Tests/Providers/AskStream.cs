using System.Net;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Providers;

/// <summary>What <c>POST /api/v1/chatbot/ask_stream</c> answered.</summary>
public sealed record AskStreamResult(HttpStatusCode Status, string? ContentType, IReadOnlyList<SseEvent> Events)
{
    public IEnumerable<SseEvent> OfType(string type) => Events.Where(streamed => streamed.Type == type);
}

/// <summary>Asks a question the way the web front end does, with every level-2 event, and reads the whole stream.</summary>
public static class AskStream
{
    public static async Task<AskStreamResult> PostAsync(HttpClient http, string question, string conversationId)
    {
        var (response, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(question, conversationId, (StreamHeaders.Level, "2")));
        using (response)
        {
            return new AskStreamResult(response.StatusCode, response.Content.Headers.ContentType?.MediaType, events);
        }
    }
}
