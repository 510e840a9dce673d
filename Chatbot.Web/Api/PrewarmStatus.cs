using System.Text.Json.Serialization;

namespace Chatbot.Web.Api;

/// <summary>What <c>/prewarm</c> answers, as far as the UI cares.</summary>
public sealed record PrewarmStatus(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("provider")] string? Provider,
    [property: JsonPropertyName("offline")] bool Offline);
