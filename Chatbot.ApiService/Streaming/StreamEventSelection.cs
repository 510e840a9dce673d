namespace Chatbot.ApiService.Streaming;

/// <summary>
/// Which events one stream carries. L1 (default, as in the seed) is tokens only; L2 adds agent,
/// tool and thinking events. A request asks for a level (<c>2</c>) or a list of event types
/// (<c>token,tool_start,...</c>), within what the server allows.
/// </summary>
public sealed class StreamEventSelection
{
    private static readonly StreamEventType[] AlwaysSent =
        [StreamEventType.Start, StreamEventType.Token, StreamEventType.Complete, StreamEventType.Error];

    private static readonly StreamEventType[] LevelTwo =
        [StreamEventType.Thinking, StreamEventType.AgentStart, StreamEventType.ToolStart, StreamEventType.ToolEnd];

    private readonly bool[] _included = new bool[Enum.GetValues<StreamEventType>().Length];

    private StreamEventSelection(IEnumerable<StreamEventType> types)
    {
        foreach (var type in AlwaysSent.Concat(types))
        {
            _included[(int)type] = true;
        }
    }

    public static StreamEventSelection TokensOnly { get; } = new([]);

    public static StreamEventSelection Everything { get; } = new(LevelTwo);

    public bool Includes(StreamEventType type) => _included[(int)type];

    public int Level => LevelTwo.Any(Includes) ? 2 : 1;

    /// <param name="level">The level asked for (<c>"2"</c> for level two), or null.</param>
    /// <param name="events">The event types asked for, comma-separated; wins over the level.</param>
    public static StreamEventSelection From(string? level, string? events, StreamingOptions options)
    {
        var allowed = options.EffectiveAllowedEvents
            .Select(name => StreamEventTypeNames.TryParse(name, out var type) ? type : (StreamEventType?)null)
            .OfType<StreamEventType>()
            .ToHashSet();

        if (!string.IsNullOrWhiteSpace(events))
        {
            var requested = events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => StreamEventTypeNames.TryParse(name, out var type) ? type : (StreamEventType?)null)
                .OfType<StreamEventType>();
            return new StreamEventSelection(requested.Where(allowed.Contains));
        }

        return level?.Trim() == "2"
            ? new StreamEventSelection(LevelTwo.Where(allowed.Contains))
            : TokensOnly;
    }
}
