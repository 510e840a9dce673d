using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Runs.Support;

/// <summary>
/// Talks to the API as a resuming client does: asks with <c>x-stream-resumable: true</c>, can
/// drop the connection after some events, and resumes with <c>Last-Event-ID</c>.
/// </summary>
public static class ResumableClient
{
    public const string ResumableHeader = "x-stream-resumable";

    public static HttpRequestMessage AskRequest(string question, string? conversationId = null, params (string Name, string Value)[] headers) =>
        ChatbotClient.AskRequest(question, conversationId, [(ResumableHeader, "true"), .. headers]);

    /// <summary>Reads <paramref name="count"/> events (fewer if the stream ends first), then drops the connection.</summary>
    public static async Task<(string RunId, List<SseEvent> Events, HttpResponseMessage Response)> ReadThenDropAsync(HttpClient http, HttpRequestMessage request, int count)
    {
        using var drop = new CancellationTokenSource();
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, drop.Token);
        response.EnsureSuccessStatusCode();
        var runId = response.Headers.GetValues("X-Run-Id").Single();
        var events = new List<SseEvent>();
        var body = await response.Content.ReadAsStreamAsync(drop.Token);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(drop.Token))
        {
            events.Add(Parse(item));
            if (events.Count == count)
            {
                break;
            }
        }
        await drop.CancelAsync();
        response.Dispose();
        return (runId, events, response);
    }

    public static HttpRequestMessage ResumeRequest(string runId, long? lastEventId, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{ChatbotClient.AskPath}/{runId}");
        if (lastEventId is { } last)
        {
            request.Headers.Add("Last-Event-ID", last.ToString());
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public static Task<(HttpResponseMessage Response, List<SseEvent> Events)> ResumeAsync(HttpClient http, string runId, long lastEventId, params (string Name, string Value)[] headers) =>
        ChatbotClient.StreamAsync(http, ResumeRequest(runId, lastEventId, headers));

    public static HttpRequestMessage CancelRequest(string runId, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{ChatbotClient.AskPath}/{runId}/cancel") { Content = JsonContent.Create(new { }) };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    public static long[] Sequences(IEnumerable<SseEvent> events) => [.. events.Select(e => e.Data.GetProperty("seq").GetInt64())];

    /// <summary>An event without what differs between two runs of the same question (ids, timings).</summary>
    public static string Comparable(SseEvent e) => e.Type switch
    {
        "start" => "start",
        "complete" => $"complete {e.Data.GetProperty("usage").GetProperty("output_tokens").GetInt64()}",
        _ => $"{e.Id} {e.RawData}",
    };

    public static SseEvent Parse(SseItem<string> item) =>
        new(item.EventType, item.EventId, item.Data, JsonDocument.Parse(item.Data).RootElement.Clone());
}
