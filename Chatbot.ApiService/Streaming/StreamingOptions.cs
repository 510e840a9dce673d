using Chatbot.Contracts.Streaming;

namespace Chatbot.ApiService.Streaming;

/// <summary><c>Chatbot:Streaming</c>: which event types the server allows and sends by default, and the heartbeat pace.</summary>
public sealed class StreamingOptions
{
    public const string Section = "Chatbot:Streaming";

    private static readonly string[] AllLevelTwoEvents =
    [
        StreamEventTypes.Token,
        StreamEventTypes.Thinking,
        StreamEventTypes.AgentStart,
        StreamEventTypes.ToolStart,
        StreamEventTypes.ToolEnd,
    ];

    /// <summary>
    /// Event types a request may ask for; all when unset. Tokens, start, complete and error are
    /// always sent. Null by default because the configuration binder appends to a non-empty array.
    /// </summary>
    public string[]? AllowedEvents { get; set; }

    public IReadOnlyList<string> EffectiveAllowedEvents => AllowedEvents ?? AllLevelTwoEvents;

    /// <summary>
    /// The level a request that names neither a level nor events gets: 1 (tokens only, the seed's
    /// production setting) or 2 (agent, tool and thinking events too, its debugging one).
    /// </summary>
    public int DefaultLevel { get; set; } = 1;

    /// <summary>The event types a request that names none gets; wins over <see cref="DefaultLevel"/>.</summary>
    public string[]? DefaultEvents { get; set; }

    /// <summary>Seconds between <c>: ping</c> comments; Azure Container Apps cuts idle streams at 240 s, AWS ALB at 60 s.</summary>
    public double HeartbeatSeconds { get; set; } = 15;
}
