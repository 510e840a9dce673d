using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Benchmarks.Scale;

/// <summary>How one question's stream ended, as its client saw it.</summary>
public readonly record struct StreamEnding(StreamEndingKind Kind, string Detail)
{
    public static StreamEnding Completed { get; } = new(StreamEndingKind.Completed, StreamEventTypes.Complete);

    /// <summary>No terminal event before the client's deadline.</summary>
    public static StreamEnding Hung { get; } = new(StreamEndingKind.Hung, "hung");

    public static StreamEnding Error(string? code) => new(StreamEndingKind.Error, code ?? "(no code)");

    /// <summary>The client gave up for a reason of its own (an HTTP status, a gap in the sequence numbers, …).</summary>
    public static StreamEnding Failed(string reason) => new(StreamEndingKind.Failed, reason);

    public bool IsCompleted => Kind == StreamEndingKind.Completed;

    public bool IsInterrupted => Kind == StreamEndingKind.Error && Detail == StreamEvent.InterruptedCode;

    public string Label => Kind switch
    {
        StreamEndingKind.Error => $"error `{Detail}`",
        _ => Detail,
    };
}

public enum StreamEndingKind
{
    Completed,
    Error,
    Hung,
    Failed,
}
