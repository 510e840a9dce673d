using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Chatbot.Tests.Providers;

/// <summary>One Server-Sent Event of an answer: the SSE <c>event</c> field and the JSON of its <c>data</c> line.</summary>
public sealed record StreamedEvent(string EventName, JsonElement Data)
{
    public string Type => Data.GetProperty("type").GetString()!;

    public string? Field(string name) =>
        Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>What <c>POST /api/v1/chatbot/ask_stream</c> answered.</summary>
public sealed record AskStreamResult(HttpStatusCode Status, string? ContentType, IReadOnlyList<StreamedEvent> Events)
{
    public IEnumerable<StreamedEvent> OfType(string type) => Events.Where(streamed => streamed.Type == type);
}

/// <summary>Asks a question the way the web front end does, with every level-2 event, and reads the whole stream.</summary>
public static class AskStream
{
    public const string Path = "/api/v1/chatbot/ask_stream";

    public static async Task<AskStreamResult> PostAsync(HttpClient http, string question, string conversationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path)
        {
            Content = JsonContent.Create(new Dictionary<string, string> { ["question"] = question, ["conversation_id"] = conversationId }),
        };
        request.Headers.Add("x-stream", "true");
        request.Headers.Add("x-stream-level", "2");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<StreamedEvent>();
        if (response.IsSuccessStatusCode)
        {
            await using var body = await response.Content.ReadAsStreamAsync();
            await foreach (var item in SseParser.Create(body).EnumerateAsync())
            {
                using var data = JsonDocument.Parse(item.Data);
                events.Add(new StreamedEvent(item.EventType, data.RootElement.Clone()));
            }
        }
        return new AskStreamResult(response.StatusCode, response.Content.Headers.ContentType?.MediaType, events);
    }
}
