namespace Chatbot.ApiService.Streaming;

/// <summary>
/// Which events one stream carries. L1 (as in the seed's production setting) is tokens only; L2
/// adds agent, tool and thinking events. A request asks for a level (<c>2</c>) or a list of event
/// types (<c>token,tool_start,...</c>); one that names neither gets the server's default. Either
/// way only what the server allows.
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
        var allowed = Parse(options.EffectiveAllowedEvents).ToHashSet();
        if (!string.IsNullOrWhiteSpace(events))
        {
            return Within(Parse(events.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), allowed);
        }
        if (!string.IsNullOrWhiteSpace(level))
        {
            return OfLevel(level.Trim() == "2" ? 2 : 1, allowed);
        }
        return options.DefaultEvents is { } defaults ? Within(Parse(defaults), allowed) : OfLevel(options.DefaultLevel, allowed);
    }

    private static StreamEventSelection OfLevel(int level, HashSet<StreamEventType> allowed) =>
        level == 2 ? Within(LevelTwo, allowed) : TokensOnly;

    private static StreamEventSelection Within(IEnumerable<StreamEventType> requested, HashSet<StreamEventType> allowed) =>
        new(requested.Where(allowed.Contains));

    private static IEnumerable<StreamEventType> Parse(IEnumerable<string> names) =>
        names.Select(name => StreamEventJson.TryParseType(name, out var type) ? type : (StreamEventType?)null).OfType<StreamEventType>();
}
