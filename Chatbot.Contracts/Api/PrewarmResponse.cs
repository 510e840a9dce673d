using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>
/// What <c>GET /prewarm</c> answers: the seed's <c>{status, agent_id, initialized}</c> (status
/// <see cref="Ready"/> or <see cref="Initializing"/>), and what was warmed and how long each part took.
/// </summary>
public sealed record PrewarmResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("agent_id")] long AgentId,
    [property: JsonPropertyName("initialized")] bool Initialized,
    [property: JsonPropertyName("provider")] string? Provider = null,
    [property: JsonPropertyName("offline")] bool Offline = false,
    [property: JsonPropertyName("warmed_at")] DateTimeOffset? WarmedAt = null,
    [property: JsonPropertyName("total_ms")] double TotalMs = 0,
    [property: JsonPropertyName("components")] IReadOnlyList<PrewarmComponentResponse>? Components = null,
    [property: JsonPropertyName("conversation_turns_loaded")] int? ConversationTurnsLoaded = null,
    [property: JsonPropertyName("stores")] StoresResponse? Stores = null)
{
    public const string Ready = "ready";
    public const string Initializing = "initializing";
}
