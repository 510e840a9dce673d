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

public static class StreamEventTypeNames
{
    public const string Start = StreamEventTypes.Start;
    public const string Token = StreamEventTypes.Token;
    public const string Thinking = StreamEventTypes.Thinking;
    public const string AgentStart = StreamEventTypes.AgentStart;
    public const string ToolStart = StreamEventTypes.ToolStart;
    public const string ToolEnd = StreamEventTypes.ToolEnd;
    public const string Complete = StreamEventTypes.Complete;
    public const string Error = StreamEventTypes.Error;

    /// <summary>The wire names, in the order of <see cref="StreamEventType"/>: one table both ways.</summary>
    private static readonly string[] Names = [Start, Token, Thinking, AgentStart, ToolStart, ToolEnd, Complete, Error];

    public static string ToWireName(this StreamEventType type) =>
        (uint)type < (uint)Names.Length ? Names[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, null);

    public static bool TryParse(string name, out StreamEventType type)
    {
        var index = Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        type = index >= 0 ? (StreamEventType)index : default;
        return index >= 0;
    }
}
