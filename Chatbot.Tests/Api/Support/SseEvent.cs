using System.Text.Json;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Tests.Api.Support;

/// <summary>
/// One Server-Sent Event as the API wrote it: its event name, id and JSON data, and the JSON's own
/// <see cref="Type"/> (which a contract test compares with the event name).
/// </summary>
public sealed record SseEvent(string EventType, string? Id, string RawData, JsonElement Data)
{
    public string Type => Data.GetProperty(StreamEventFields.Type).GetString()!;

    public string? Text(string property) => Data.TryGetProperty(property, out var value) ? value.GetString() : null;

    public static SseEvent From(ChatStreamEvent streamEvent) =>
        new(streamEvent.EventName, streamEvent.Id, streamEvent.RawData, streamEvent.Data);
}
