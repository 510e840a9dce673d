using System.Text.Json.Serialization;

namespace Chatbot.Contracts.Api;

/// <summary>Which stores the API uses: the configured server, or its embedded default.</summary>
public sealed record StoresResponse(
    [property: JsonPropertyName("infrastructure")] string Infrastructure,
    [property: JsonPropertyName("memory")] string Memory,
    [property: JsonPropertyName("archive")] string Archive);
