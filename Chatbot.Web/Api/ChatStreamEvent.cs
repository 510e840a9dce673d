using System.Text.Json;

namespace Chatbot.Web.Api;

/// <summary>One event of an answer's stream, as the API sends it.</summary>
public sealed record ChatStreamEvent(string Type, long Sequence, JsonElement Data)
{
    public string? Field(string name) =>
        Data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
