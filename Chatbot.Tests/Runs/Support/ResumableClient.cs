using System.Net.Http.Json;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Runs.Support;

/// <summary>
/// Drives a resumable run's contract by hand: asks with <c>x-stream-resumable: true</c>, drops the
/// connection after some events, resumes with <c>Last-Event-ID</c> exactly as told. The client
/// that resumes by itself is <see cref="ChatStreamClient"/>.
/// </summary>
public static class ResumableClient
{
    public static HttpRequestMessage AskRequest(string question, string? conversationId = null, params (string Name, string Value)[] headers) =>
        ChatbotClient.WithHeaders(new AskStreamRequest(question, conversationId).ToHttpRequest(), headers);

    /// <summary>Reads <paramref name="count"/> events (fewer if the stream ends first), then drops the connection.</summary>
    public static async Task<(string RunId, List<SseEvent> Events, HttpResponseMessage Response)> ReadThenDropAsync(HttpClient http, HttpRequestMessage request, int count)
    {
        using var drop = new CancellationTokenSource();
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, drop.Token);
        response.EnsureSuccessStatusCode();
        var runId = ChatbotClient.RunId(response);
        var events = new List<SseEvent>();
        await foreach (var streamEvent in ChatStreamReader.ReadAsync(response, drop.Token))
        {
            events.Add(SseEvent.From(streamEvent));
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
        var request = new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Run(runId));
        if (lastEventId is { } last)
        {
            request.Headers.Add(StreamHeaders.LastEventId, last.ToString());
        }
        return ChatbotClient.WithHeaders(request, headers);
    }

    /// <summary>Resumes by the <c>after</c> query instead of <c>Last-Event-ID</c>.</summary>
    public static HttpRequestMessage ResumeAfterRequest(string runId, long after) =>
        new(HttpMethod.Get, $"{ChatbotRoutes.Run(runId)}?{StreamHeaders.AfterQuery}={after}");

    public static Task<(HttpResponseMessage Response, List<SseEvent> Events)> ResumeAsync(HttpClient http, string runId, long lastEventId, params (string Name, string Value)[] headers) =>
        ChatbotClient.StreamAsync(http, ResumeRequest(runId, lastEventId, headers));

    public static HttpRequestMessage CancelRequest(string runId, params (string Name, string Value)[] headers) =>
        ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.CancelRun(runId)) { Content = JsonContent.Create(new { }) }, headers);

    public static long[] Sequences(IEnumerable<SseEvent> events) => [.. events.Select(e => e.Data.GetProperty(StreamEventFields.Sequence).GetInt64())];

    /// <summary>An event without what differs between two runs of the same question (ids, timings).</summary>
    public static string Comparable(SseEvent e) => e.Type switch
    {
        StreamEventTypes.Start => StreamEventTypes.Start,
        StreamEventTypes.Complete => $"{StreamEventTypes.Complete} {e.Data.GetProperty(StreamEventFields.Usage).GetProperty(StreamEventFields.OutputTokens).GetInt64()}",
        _ => $"{e.Id} {e.RawData}",
    };
}
