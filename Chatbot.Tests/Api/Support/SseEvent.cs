using System.Text.Json;

namespace Chatbot.Tests.Api.Support;

/// <summary>One parsed Server-Sent Event: its event name, id and JSON data.</summary>
public sealed record SseEvent(string EventType, string? Id, string RawData, JsonElement Data)
{
    public string Type => Data.GetProperty("type").GetString()!;

    public string? Text(string property) => Data.TryGetProperty(property, out var value) ? value.GetString() : null;
}
