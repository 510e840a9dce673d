using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Contracts.Streams;

/// <summary>
/// One event of an answer's stream as the API sent it: its SSE name, id and data. The API names
/// every event after its <c>type</c>, so the JSON is parsed only when a field is read (a load
/// client that counts tokens never pays for it).
/// </summary>
public sealed class ChatStreamEvent(string eventName, string? id, string rawData)
{
    /// <summary>Not from the API: the stream broke and is being resumed.</summary>
    public const string ReconnectingType = "reconnecting";

    private JsonElement? _data;

    /// <summary>The <c>event:</c> line; <see cref="SseParser.EventTypeDefault"/> when the frame had none.</summary>
    public string EventName => eventName;

    /// <summary>The <c>id:</c> line as sent, if any.</summary>
    public string? Id => id;

    /// <summary>The <c>data:</c> as sent.</summary>
    public string RawData => rawData;

    /// <summary>The event's sequence number (its id); 0 when it has none.</summary>
    public long Sequence { get; } = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : 0;

    /// <summary>The event's type: its SSE name, or the JSON's <c>type</c> for a frame without one.</summary>
    public string Type => eventName != SseParser.EventTypeDefault ? eventName : Field(StreamEventFields.Type) ?? eventName;

    public JsonElement Data => _data ??= Parse(rawData);

    public bool IsTerminal => StreamEventTypes.IsTerminal(Type);

    public static ChatStreamEvent Reconnecting() => new(ReconnectingType, null, "{}");

    /// <summary>A string field of the JSON, or null when it is missing or not a string.</summary>
    public string? Field(string name) =>
        Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
