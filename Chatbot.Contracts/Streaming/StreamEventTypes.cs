namespace Chatbot.Contracts.Streaming;

/// <summary>
/// The <c>type</c> of each event's JSON, which the seed's React and Vue clients switch on. Level
/// one sends <see cref="Token"/> (with <see cref="Start"/>, <see cref="Complete"/> and
/// <see cref="Error"/> always); level two adds <see cref="Thinking"/>, <see cref="AgentStart"/>,
/// <see cref="ToolStart"/> and <see cref="ToolEnd"/>.
/// </summary>
public static class StreamEventTypes
{
    public const string Start = "start";
    public const string Token = "token";
    public const string Thinking = "thinking";
    public const string AgentStart = "agent_start";
    public const string ToolStart = "tool_start";
    public const string ToolEnd = "tool_end";
    public const string Complete = "complete";
    public const string Error = "error";

    public static bool IsTerminal(string type) => type is Complete or Error;
}
