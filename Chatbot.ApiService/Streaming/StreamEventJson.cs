using System.Text.Encodings.Web;
using System.Text.Json;

namespace Chatbot.ApiService.Streaming;

/// <summary>
/// The JSON shape of each event (snake_case, the seed's field names, only the fields the type uses).
/// </summary>
public static class StreamEventJson
{
    /// <summary>Escapes only what JSON requires, so answers in any language stay readable on the wire.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the event as the wire carries it; a stored event leaves out its sequence, which its store keeps as the entry's id.</summary>
    public static void Write(Utf8JsonWriter json, StreamEvent e, bool withSequence = true)
    {
        json.WriteStartObject();
        json.WriteString("type", e.Type.ToWireName());
        switch (e.Type)
        {
            case StreamEventType.Start:
                json.WriteString("conversation_id", e.ConversationId);
                json.WriteString("run_id", e.RunId);
                json.WriteString("question", e.Question);
                break;
            case StreamEventType.Token:
                json.WriteString("content", e.Content);
                break;
            case StreamEventType.Thinking:
                json.WriteString("content", e.Content);
                json.WriteString("message", e.Message);
                break;
            case StreamEventType.AgentStart:
                json.WriteString("agent", e.Agent);
                break;
            case StreamEventType.ToolStart:
                json.WriteString("tool", e.Tool);
                json.WriteString("input", e.Input);
                break;
            case StreamEventType.ToolEnd:
                json.WriteString("tool", e.Tool);
                json.WriteString("result", e.Result);
                break;
            case StreamEventType.Complete:
                WriteStatistics(json, e.Statistics);
                break;
            case StreamEventType.Error:
                json.WriteString("message", e.Message);
                json.WriteString("code", e.Code);
                json.WriteString("correlation_id", e.CorrelationId);
                break;
        }
        if (withSequence)
        {
            json.WriteNumber("seq", e.Sequence);
        }
        json.WriteEndObject();
    }

    /// <summary>Reads back an event written without its sequence (a run's journal), numbered with <paramref name="sequence"/>.</summary>
    public static StreamEvent FromStoredJson(ReadOnlySpan<byte> utf8Json, long sequence)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (!StreamEventTypeNames.TryParse(root.GetProperty("type").GetString() ?? "", out var type))
        {
            throw new JsonException($"Unknown stream event type in a stored event: {root.GetProperty("type")}.");
        }
        return new StreamEvent(type)
        {
            Sequence = sequence,
            Content = Text(root, "content"),
            Message = Text(root, "message"),
            Agent = Text(root, "agent"),
            Tool = Text(root, "tool"),
            Input = Text(root, "input"),
            Result = Text(root, "result"),
            Code = Text(root, "code"),
            CorrelationId = Text(root, "correlation_id"),
            ConversationId = Text(root, "conversation_id"),
            RunId = Text(root, "run_id"),
            Question = Text(root, "question"),
            Statistics = type == StreamEventType.Complete ? ReadStatistics(root) : null,
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static RunStatistics? ReadStatistics(JsonElement root)
    {
        if (!root.TryGetProperty("usage", out var usage))
        {
            return null;
        }
        return new RunStatistics(
            InputTokens: usage.GetProperty("input_tokens").GetInt64(),
            OutputTokens: usage.GetProperty("output_tokens").GetInt64(),
            TimeToFirstTokenMs: root.TryGetProperty("ttft_ms", out var ttft) && ttft.ValueKind == JsonValueKind.Number ? ttft.GetDouble() : null,
            DurationMs: root.GetProperty("duration_ms").GetDouble());
    }

    private static void WriteStatistics(Utf8JsonWriter json, RunStatistics? statistics)
    {
        if (statistics is null)
        {
            return;
        }
        json.WriteStartObject("usage");
        json.WriteNumber("input_tokens", statistics.InputTokens);
        json.WriteNumber("output_tokens", statistics.OutputTokens);
        json.WriteEndObject();
        if (statistics.TimeToFirstTokenMs is { } ttft)
        {
            json.WriteNumber("ttft_ms", Math.Round(ttft, 2));
        }
        else
        {
            json.WriteNull("ttft_ms");
        }
        json.WriteNumber("duration_ms", Math.Round(statistics.DurationMs, 2));
    }
}
