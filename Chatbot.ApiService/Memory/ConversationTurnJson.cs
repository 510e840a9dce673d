using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.ApiService.Memory;

/// <summary>A turn, and an answer's feedback, as structured JSON (snake_case, nulls left out), the form the hot store keeps.</summary>
public static class ConversationTurnJson
{
    public static string Serialize(ConversationTurn turn) => JsonSerializer.Serialize(turn, ConversationTurnJsonContext.Default.ConversationTurn);

    public static ConversationTurn Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ConversationTurnJsonContext.Default.ConversationTurn)
        ?? throw new JsonException("A stored turn is null.");

    public static string Serialize(TurnFeedback feedback) => JsonSerializer.Serialize(feedback, ConversationTurnJsonContext.Default.TurnFeedback);

    public static TurnFeedback DeserializeFeedback(string json) =>
        JsonSerializer.Deserialize(json, ConversationTurnJsonContext.Default.TurnFeedback)
        ?? throw new JsonException("A stored feedback is null.");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConversationTurn))]
[JsonSerializable(typeof(TurnFeedback))]
internal sealed partial class ConversationTurnJsonContext : JsonSerializerContext;
