using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>The answer to a stop request that reached a running run.</summary>
public sealed record RunCancelResponse(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("state")] string State);
