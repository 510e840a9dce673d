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
