using Chatbot.Contracts.Streaming;

namespace Chatbot.ApiService.Streaming;

/// <summary>The <c>type</c> of a stream event, as the seed's clients switch on it.</summary>
public enum StreamEventType
{
    Start,
    Token,
    Thinking,
    AgentStart,
    ToolStart,
    ToolEnd,
    Complete,
    Error,
}

/// <summary>The contract's wire names (<see cref="StreamEventTypes"/>) for <see cref="StreamEventType"/>, both ways.</summary>
public static class StreamEventTypeWire
{
    /// <summary>In the order of <see cref="StreamEventType"/>: one table both ways.</summary>
    private static readonly string[] Names =
    [
        StreamEventTypes.Start, StreamEventTypes.Token, StreamEventTypes.Thinking, StreamEventTypes.AgentStart,
        StreamEventTypes.ToolStart, StreamEventTypes.ToolEnd, StreamEventTypes.Complete, StreamEventTypes.Error,
    ];

    public static string ToWireName(this StreamEventType type) =>
        (uint)type < (uint)Names.Length ? Names[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, null);

    public static bool TryParse(string name, out StreamEventType type)
    {
        var index = Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        type = index >= 0 ? (StreamEventType)index : default;
        return index >= 0;
    }
}
