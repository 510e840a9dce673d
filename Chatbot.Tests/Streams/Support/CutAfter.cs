using Chatbot.Contracts.Streams;

namespace Chatbot.Tests.Streams.Support;

/// <summary>Cuts the connection right after the client received each of the given counts of events (counted off the wire).</summary>
public sealed class CutAfter(FlakyConnection connection, params int[] counts) : IStreamObserver
{
    private int _received;

    public Action? OnCut { get; init; }

    void IStreamObserver.Received(ChatStreamEvent streamEvent)
    {
        if (counts.Contains(++_received))
        {
            connection.Cut();
            OnCut?.Invoke();
        }
    }
}
