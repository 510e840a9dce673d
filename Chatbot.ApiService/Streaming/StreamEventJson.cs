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

    public static void Write(Utf8JsonWriter json, StreamEvent e)
    {
        json.WriteStartObject();
        json.WriteString("type", e.Type.ToWireName());
        switch (e.Type)
        {
            case StreamEventType.Start:
                json.WriteString("conversation_id", e.ConversationId);
                json.WriteString("run_id", e.RunId);
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
        json.WriteNumber("seq", e.Sequence);
        json.WriteEndObject();
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
