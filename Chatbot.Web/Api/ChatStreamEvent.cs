using System.Net.ServerSentEvents;
using System.Text.Json;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Web.Api;

/// <summary>One event of an answer's stream, as the API sends it; <see cref="Sequence"/> is its SSE id (0 when none).</summary>
public sealed record ChatStreamEvent(string Type, long Sequence, JsonElement Data)
{
    /// <summary>Not from the API: the stream broke and is being resumed.</summary>
    public const string ReconnectingType = "reconnecting";

    private static readonly JsonElement NoData = JsonDocument.Parse("{}").RootElement.Clone();

    public bool IsTerminal => StreamEventTypes.IsTerminal(Type);

    public static ChatStreamEvent Reconnecting() => new(ReconnectingType, 0, NoData);

    public static ChatStreamEvent Parse(SseItem<string> item)
    {
        using var json = JsonDocument.Parse(item.Data);
        var data = json.RootElement.Clone();
        return new ChatStreamEvent(
            data.GetProperty(StreamEventFields.Type).GetString() ?? item.EventType,
            long.TryParse(item.EventId, out var sequence) ? sequence : 0,
            data);
    }

    public string? Field(string name) =>
        Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
