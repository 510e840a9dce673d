using System.Net.ServerSentEvents;
using System.Text.Json;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Tests.Api.Support;

/// <summary>One parsed Server-Sent Event: its event name, id and JSON data.</summary>
public sealed record SseEvent(string EventType, string? Id, string RawData, JsonElement Data)
{
    public string Type => Data.GetProperty(StreamEventFields.Type).GetString()!;

    public string? Text(string property) => Data.TryGetProperty(property, out var value) ? value.GetString() : null;

    public static SseEvent Parse(SseItem<string> item) =>
        new(item.EventType, item.EventId, item.Data, JsonDocument.Parse(item.Data).RootElement.Clone());
}
