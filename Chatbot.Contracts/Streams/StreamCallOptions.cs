namespace Chatbot.Contracts.Streams;

/// <summary>What one call of <see cref="ChatStreamClient"/> adds to the wire and who watches it.</summary>
public sealed record StreamCallOptions
{
    public static StreamCallOptions None { get; } = new();

    /// <summary>Applied to every request of the call (the question, each resume, a cancel): identity, secrets, routing.</summary>
    public Action<HttpRequestMessage>? Prepare { get; init; }

    public IStreamObserver? Observer { get; init; }

    internal HttpRequestMessage Prepared(HttpRequestMessage request)
    {
        Prepare?.Invoke(request);
        return request;
    }
}
