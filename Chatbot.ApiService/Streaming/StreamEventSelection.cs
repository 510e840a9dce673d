namespace Chatbot.ApiService.Streaming;

/// <summary>
/// Which events one stream carries. L1 (default, as in the seed) is tokens only; L2 adds agent,
/// tool and thinking events. A request asks with <c>x-stream-level: 2</c> or
/// <c>x-stream-events: token,tool_start,...</c>, within what the server allows.
/// </summary>
public sealed class StreamEventSelection
{
    public const string LevelHeader = "x-stream-level";
    public const string EventsHeader = "x-stream-events";

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

    public static StreamEventSelection FromRequest(IHeaderDictionary headers, StreamingOptions options)
    {
        var allowed = options.EffectiveAllowedEvents
            .Select(name => StreamEventTypeNames.TryParse(name, out var type) ? type : (StreamEventType?)null)
            .OfType<StreamEventType>()
            .ToHashSet();

        var requestedEvents = headers[EventsHeader].ToString();
        if (!string.IsNullOrWhiteSpace(requestedEvents))
        {
            var requested = requestedEvents.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => StreamEventTypeNames.TryParse(name, out var type) ? type : (StreamEventType?)null)
                .OfType<StreamEventType>();
            return new StreamEventSelection(requested.Where(allowed.Contains));
        }

        return headers[LevelHeader].ToString().Trim() == "2"
            ? new StreamEventSelection(LevelTwo.Where(allowed.Contains))
            : TokensOnly;
    }
}
