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
    public const string Start = "start";
    public const string Token = "token";
    public const string Thinking = "thinking";
    public const string AgentStart = "agent_start";
    public const string ToolStart = "tool_start";
    public const string ToolEnd = "tool_end";
    public const string Complete = "complete";
    public const string Error = "error";

    public static string ToWireName(this StreamEventType type) => type switch
    {
        StreamEventType.Start => Start,
        StreamEventType.Token => Token,
        StreamEventType.Thinking => Thinking,
        StreamEventType.AgentStart => AgentStart,
        StreamEventType.ToolStart => ToolStart,
        StreamEventType.ToolEnd => ToolEnd,
        StreamEventType.Complete => Complete,
        StreamEventType.Error => Error,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string name, out StreamEventType type)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case Start: type = StreamEventType.Start; return true;
            case Token: type = StreamEventType.Token; return true;
            case Thinking: type = StreamEventType.Thinking; return true;
            case AgentStart: type = StreamEventType.AgentStart; return true;
            case ToolStart: type = StreamEventType.ToolStart; return true;
            case ToolEnd: type = StreamEventType.ToolEnd; return true;
            case Complete: type = StreamEventType.Complete; return true;
            case Error: type = StreamEventType.Error; return true;
            default: type = default; return false;
        }
    }
}
