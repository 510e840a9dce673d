using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>One part of the warm-up and how long it took.</summary>
public sealed record PrewarmComponentResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("duration_ms")] double DurationMs,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("ok")] bool Ok = true);
