using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;

namespace Chatbot.ApiService.Endpoints;

/// <summary>What a question's request asks of its stream, read from its headers.</summary>
public static class StreamRequest
{
    /// <summary>Server-Sent Events with <c>x-stream: true</c> or <c>Accept: text/event-stream</c>, else one JSON answer.</summary>
    public static bool WantsStream(HttpRequest request) =>
        IsTrue(request.Headers[StreamHeaders.Stream])
        || request.Headers.Accept.ToString().Contains(StreamHeaders.ContentType, StringComparison.OrdinalIgnoreCase);

    /// <summary><c>x-stream-resumable: true</c>: detached from the request, journaled, resumable by its run id.</summary>
    public static bool WantsResumable(HttpRequest request) => IsTrue(request.Headers[StreamHeaders.Resumable]);

    public static StreamEventSelection Events(HttpRequest request, StreamingOptions options) =>
        StreamEventSelection.From(request.Headers[StreamHeaders.Level], request.Headers[StreamHeaders.Events], options);

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
