using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Client;

/// <summary>How the benchmarks label a stream that failed by exception: its status, a timeout, a broken connection.</summary>
public static class StreamErrors
{
    /// <summary>The label for a failure a stream can have; null for anything else (a bug, which should surface).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        ChatStreamException { StatusCode: { } status } => $"HTTP {(int)status}",
        ChatStreamException refused => refused.Failure.ToString(),
        OperationCanceledException => "timeout",
        HttpRequestException or IOException => exception.GetType().Name,
        _ => null,
    };
}
