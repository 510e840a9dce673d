using System.Text;
using System.Text.Json;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Tests.Api.Support;

/// <summary>
/// Talks to the API as a contract test needs: sends the request as built (hostile headers and all)
/// and reads one connection's events as written (<see cref="ChatStreamReader"/>), never resuming.
/// </summary>
public static class ChatbotClient
{
    private const string SeedDataPrefix = "data: ";

    public static HttpRequestMessage AskRequest(string question, string? conversationId = null, params (string Name, string Value)[] headers) =>
        WithHeaders(new AskStreamRequest(question, conversationId) { Resumable = false }.ToHttpRequest(), headers);

    /// <summary>Adds each header as sent, without validation (identity headers, secrets, hostile values).</summary>
    public static HttpRequestMessage WithHeaders(HttpRequestMessage request, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public static async Task<(HttpResponseMessage Response, List<SseEvent> Events)> StreamAsync(HttpClient http, HttpRequestMessage request)
    {
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = new List<SseEvent>();
        if (!response.IsSuccessStatusCode)
        {
            return (response, events);
        }
        await foreach (var streamEvent in ChatStreamReader.ReadAsync(response))
        {
            events.Add(SseEvent.From(streamEvent));
        }
        return (response, events);
    }

    public static string Answer(IEnumerable<SseEvent> events) =>
        string.Concat(events.Where(e => e.Type == StreamEventTypes.Token).Select(e => e.Text(StreamEventFields.Content)));

    /// <summary>The run id a stream's response names.</summary>
    public static string RunId(HttpResponseMessage response) => response.Headers.GetValues(StreamHeaders.RunId).Single();

    /// <summary>
    /// Reads the stream exactly like the seed's React hook: decode each chunk, split it on
    /// newlines, parse lines starting with "data: ", skip what does not parse (the hook's catch).
    /// </summary>
    public static async Task<List<JsonElement>> ReadLikeSeedReactHookAsync(HttpResponseMessage response)
    {
        var events = new List<JsonElement>();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            foreach (var data in SeedDataLines(Encoding.UTF8.GetString(buffer, 0, read)).Where(data => data.Trim().Length > 0))
            {
                try
                {
                    events.Add(JsonDocument.Parse(data).RootElement.Clone());
                }
                catch (JsonException)
                {
                    // The hook logs and moves on.
                }
            }
        }
        return events;
    }

    /// <summary>
    /// What the seed's React and Vue clients take from a chunk: the rest of each line that starts
    /// with <c>data: </c>, space included (a <c>data:</c> line without it they skip).
    /// </summary>
    public static IEnumerable<string> SeedDataLines(string chunk) =>
        chunk.Split('\n').Where(line => line.StartsWith(SeedDataPrefix, StringComparison.Ordinal)).Select(line => line[SeedDataPrefix.Length..]);
}
