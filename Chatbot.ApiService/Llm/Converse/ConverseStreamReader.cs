using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime.EventStreams;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>
/// Turns one ConverseStream response's events into updates: text and reasoning deltas as they come,
/// a tool call when its block stops (its input arrives in JSON fragments), the stop reason, usage.
/// An exception or error message in the stream is thrown.
/// </summary>
public sealed class ConverseStreamReader(string modelId, string responseId)
{
    private readonly Dictionary<int, ToolUseBlock> _toolUses = [];
    private bool _stopped;

    public ChatResponseUpdate? Read(EventStreamMessage message) => HeaderOf(message, ":message-type") switch
    {
        "event" => ReadEvent(HeaderOf(message, ":event-type"), Payload(message)),
        "exception" => throw ConverseErrors.FromStream(HeaderOf(message, ":exception-type") ?? "unknownException", Encoding.UTF8.GetString(message.Payload)),
        "error" => throw ConverseErrors.FromStream(HeaderOf(message, ":error-code") ?? "unknownError", HeaderOf(message, ":error-message")),
        _ => null,
    };

    /// <summary>A stream that ends before <c>messageStop</c> was cut off.</summary>
    public void EnsureStopped()
    {
        if (!_stopped)
        {
            throw new ConverseException(System.Net.HttpStatusCode.BadGateway, "incompleteStream", "The stream ended before messageStop.");
        }
    }

    /// <summary><c>messageStart</c> only says the role, always assistant; unknown events are skipped.</summary>
    private ChatResponseUpdate? ReadEvent(string? type, JsonObject payload) => type switch
    {
        "contentBlockStart" => StartBlock(payload),
        "contentBlockDelta" => Delta(payload),
        "contentBlockStop" => StopBlock(payload),
        "messageStop" => Stop(payload),
        "metadata" => Usage(payload),
        _ => null,
    };

    private ChatResponseUpdate? StartBlock(JsonObject payload)
    {
        if (payload["start"]?["toolUse"] is JsonObject toolUse)
        {
            _toolUses[IndexOf(payload)] = new ToolUseBlock((string?)toolUse["toolUseId"] ?? "", (string?)toolUse["name"] ?? "");
        }
        return null;
    }

    private ChatResponseUpdate? Delta(JsonObject payload)
    {
        var delta = payload["delta"];
        if (delta?["text"] is JsonValue text)
        {
            return Update(new TextContent((string?)text));
        }
        if (delta?["reasoningContent"] is JsonObject reasoning)
        {
            return Reasoning(reasoning) is { } content ? Update(content) : null;
        }
        if (delta?["toolUse"]?["input"] is JsonValue input && _toolUses.TryGetValue(IndexOf(payload), out var toolUse))
        {
            toolUse.Input.Append((string?)input);
        }
        return null;
    }

    /// <summary>Reasoning text, or the signature that lets Claude's reasoning go back in the next turn.</summary>
    private static TextReasoningContent? Reasoning(JsonObject reasoning) =>
        reasoning["text"] is JsonValue text ? new TextReasoningContent((string?)text)
        : reasoning["signature"] is JsonValue signature ? new TextReasoningContent("") { ProtectedData = (string?)signature }
        : null;

    private ChatResponseUpdate? StopBlock(JsonObject payload)
    {
        if (!_toolUses.Remove(IndexOf(payload), out var toolUse))
        {
            return null;
        }
        var input = toolUse.Input.Length == 0 ? "{}" : toolUse.Input.ToString();
        return Update(FunctionCallContent.CreateFromParsedArguments(input, toolUse.Id, toolUse.Name, ParseArguments));
    }

    private ChatResponseUpdate Stop(JsonObject payload)
    {
        _stopped = true;
        var update = Update();
        update.FinishReason = (string?)payload["stopReason"] switch
        {
            "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
            "tool_use" => ChatFinishReason.ToolCalls,
            "max_tokens" or "model_context_window_exceeded" => ChatFinishReason.Length,
            "guardrail_intervened" or "content_filtered" => ChatFinishReason.ContentFilter,
            var other => new ChatFinishReason(other ?? "unknown"),
        };
        return update;
    }

    private ChatResponseUpdate? Usage(JsonObject payload) => payload["usage"] is JsonObject usage
        ? Update(new UsageContent(new UsageDetails
        {
            InputTokenCount = (long?)usage["inputTokens"],
            OutputTokenCount = (long?)usage["outputTokens"],
            TotalTokenCount = (long?)usage["totalTokens"],
            CachedInputTokenCount = (long?)usage["cacheReadInputTokens"],
        }))
        : null;

    private ChatResponseUpdate Update(params AIContent[] contents) => new(ChatRole.Assistant, [.. contents])
    {
        ResponseId = responseId,
        MessageId = responseId,
        ModelId = modelId,
    };

    private static IDictionary<string, object?>? ParseArguments(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(json, AIJsonUtilities.DefaultOptions);

    private static int IndexOf(JsonObject payload) => (int?)payload["contentBlockIndex"] ?? 0;

    private static string? HeaderOf(EventStreamMessage message, string name) =>
        message.Headers.TryGetValue(name, out var header) ? header.AsString() : null;

    private static JsonObject Payload(EventStreamMessage message) =>
        JsonNode.Parse(message.Payload) as JsonObject ?? [];

    private sealed record ToolUseBlock(string Id, string Name)
    {
        public StringBuilder Input { get; } = new();
    }
}
