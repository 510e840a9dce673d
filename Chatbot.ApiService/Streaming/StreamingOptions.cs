namespace Chatbot.ApiService.Streaming;

/// <summary><c>Chatbot:Streaming</c>: which event types the server allows, and the heartbeat pace.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Chatbot:Streaming";

    /// <summary>Event types a request may ask for. Tokens, start, complete and error are always sent.</summary>
    public string[] AllowedEvents { get; set; } =
    [
        StreamEventTypeNames.Token,
        StreamEventTypeNames.Thinking,
        StreamEventTypeNames.AgentStart,
        StreamEventTypeNames.ToolStart,
        StreamEventTypeNames.ToolEnd,
    ];

    /// <summary>Seconds between <c>: ping</c> comments; Azure Container Apps cuts idle streams at 240 s, AWS ALB at 60 s.</summary>
    public double HeartbeatSeconds { get; set; } = 15;
}
