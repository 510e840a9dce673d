using System.Text.Json.Serialization;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The answer to a stop request that reached a running run.</summary>
public sealed record RunCancelResponse(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("state")] string State);
