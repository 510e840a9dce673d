using System.Text.Encodings.Web;
using System.Text.Json;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;

namespace Chatbot.ApiService.Streaming;

/// <summary>
/// The JSON shape of each event (snake_case, the seed's field names, only the fields the type uses).
/// </summary>
public static class StreamEventJson
{
    /// <summary>The contract's wire names (<see cref="StreamEventTypes"/>), in the order of <see cref="StreamEventType"/>: one table both ways.</summary>
    private static readonly string[] Names =
    [
        StreamEventTypes.Start, StreamEventTypes.Token, StreamEventTypes.Thinking, StreamEventTypes.AgentStart,
        StreamEventTypes.ToolStart, StreamEventTypes.ToolEnd, StreamEventTypes.Complete, StreamEventTypes.Error,
    ];

    public static string ToWireName(this StreamEventType type) =>
        (uint)type < (uint)Names.Length ? Names[(int)type] : throw new ArgumentOutOfRangeException(nameof(type), type, null);

    public static bool TryParseType(string name, out StreamEventType type)
    {
        var index = Array.IndexOf(Names, name.Trim().ToLowerInvariant());
        type = index >= 0 ? (StreamEventType)index : default;
        return index >= 0;
    }

    /// <summary>Escapes only what JSON requires, so answers in any language stay readable on the wire.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the event as the wire carries it; a stored event leaves out its sequence, which its store keeps as the entry's id.</summary>
    public static void Write(Utf8JsonWriter json, StreamEvent e, bool withSequence = true)
    {
        json.WriteStartObject();
        json.WriteString(StreamEventFields.Type, e.Type.ToWireName());
        switch (e.Type)
        {
            case StreamEventType.Start:
                json.WriteString(StreamEventFields.ConversationId, e.ConversationId);
                json.WriteString(StreamEventFields.RunId, e.RunId);
                json.WriteString(StreamEventFields.Question, e.Question);
                break;
            case StreamEventType.Token:
                json.WriteString(StreamEventFields.Content, e.Content);
                break;
            case StreamEventType.Thinking:
                json.WriteString(StreamEventFields.Content, e.Content);
                json.WriteString(StreamEventFields.Message, e.Message);
                break;
            case StreamEventType.AgentStart:
                json.WriteString(StreamEventFields.Agent, e.Agent);
                break;
            case StreamEventType.ToolStart:
                json.WriteString(StreamEventFields.Tool, e.Tool);
                json.WriteString(StreamEventFields.Input, e.Input);
                break;
            case StreamEventType.ToolEnd:
                json.WriteString(StreamEventFields.Tool, e.Tool);
                json.WriteString(StreamEventFields.Result, e.Result);
                break;
            case StreamEventType.Complete:
                WriteStatistics(json, e.Statistics);
                WriteSources(json, e.Sources);
                break;
            case StreamEventType.Error:
                json.WriteString(StreamEventFields.Message, e.Message);
                json.WriteString(StreamEventFields.Code, e.Code);
                json.WriteString(StreamEventFields.CorrelationId, e.CorrelationId);
                break;
        }
        if (withSequence)
        {
            json.WriteNumber(StreamEventFields.Sequence, e.Sequence);
        }
        json.WriteEndObject();
    }

    /// <summary>Reads back an event written without its sequence (a run's journal), numbered with <paramref name="sequence"/>.</summary>
    public static StreamEvent FromStoredJson(ReadOnlySpan<byte> utf8Json, long sequence)
    {
        var reader = new Utf8JsonReader(utf8Json);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (!TryParseType(root.GetProperty(StreamEventFields.Type).GetString() ?? "", out var type))
        {
            throw new JsonException($"Unknown stream event type in a stored event: {root.GetProperty(StreamEventFields.Type)}.");
        }
        return new StreamEvent(type)
        {
            Sequence = sequence,
            Content = Text(root, StreamEventFields.Content),
            Message = Text(root, StreamEventFields.Message),
            Agent = Text(root, StreamEventFields.Agent),
            Tool = Text(root, StreamEventFields.Tool),
            Input = Text(root, StreamEventFields.Input),
            Result = Text(root, StreamEventFields.Result),
            Code = Text(root, StreamEventFields.Code),
            CorrelationId = Text(root, StreamEventFields.CorrelationId),
            ConversationId = Text(root, StreamEventFields.ConversationId),
            RunId = Text(root, StreamEventFields.RunId),
            Question = Text(root, StreamEventFields.Question),
            Statistics = type == StreamEventType.Complete ? ReadStatistics(root) : null,
            Sources = type == StreamEventType.Complete ? ReadSources(root) : null,
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static RunStatistics? ReadStatistics(JsonElement root)
    {
        if (!root.TryGetProperty(StreamEventFields.Usage, out var usage))
        {
            return null;
        }
        return new RunStatistics(
            InputTokens: usage.GetProperty(StreamEventFields.InputTokens).GetInt64(),
            OutputTokens: usage.GetProperty(StreamEventFields.OutputTokens).GetInt64(),
            TimeToFirstTokenMs: root.TryGetProperty(StreamEventFields.TimeToFirstTokenMs, out var ttft) && ttft.ValueKind == JsonValueKind.Number ? ttft.GetDouble() : null,
            DurationMs: root.GetProperty(StreamEventFields.DurationMs).GetDouble(),
            // Absent from events stored before model calls were counted.
            ModelCalls: usage.TryGetProperty(StreamEventFields.ModelCalls, out var calls) ? calls.GetInt32() : 0,
            Agents: usage.TryGetProperty(StreamEventFields.Agents, out var agents) ? [.. agents.EnumerateArray().Select(ReadModelUsage)] : null);
    }

    private static ModelUsage ReadModelUsage(JsonElement agent) => new(
        agent.GetProperty(StreamEventFields.Agent).GetString()!,
        agent.GetProperty(StreamEventFields.ModelCalls).GetInt32(),
        agent.GetProperty(StreamEventFields.InputTokens).GetInt64(),
        agent.GetProperty(StreamEventFields.OutputTokens).GetInt64());

    private static void WriteStatistics(Utf8JsonWriter json, RunStatistics? statistics)
    {
        if (statistics is null)
        {
            return;
        }
        json.WriteStartObject(StreamEventFields.Usage);
        json.WriteNumber(StreamEventFields.InputTokens, statistics.InputTokens);
        json.WriteNumber(StreamEventFields.OutputTokens, statistics.OutputTokens);
        json.WriteNumber(StreamEventFields.ModelCalls, statistics.ModelCalls);
        if (statistics.Agents is { } agents)
        {
            WriteAgents(json, agents);
        }
        json.WriteEndObject();
        if (statistics.TimeToFirstTokenMs is { } ttft)
        {
            json.WriteNumber(StreamEventFields.TimeToFirstTokenMs, Math.Round(ttft, 2));
        }
        else
        {
            json.WriteNull(StreamEventFields.TimeToFirstTokenMs);
        }
        json.WriteNumber(StreamEventFields.DurationMs, Math.Round(statistics.DurationMs, 2));
    }

    private static AnswerSource[]? ReadSources(JsonElement root) =>
        root.TryGetProperty(StreamEventFields.Sources, out var sources)
            ? [.. sources.EnumerateArray().Select(source => new AnswerSource(
                source.GetProperty(StreamEventFields.Document).GetString()!, source.GetProperty(StreamEventFields.Heading).GetString()!))]
            : null;

    /// <summary>Only when there are some: a <c>complete</c> without sources is what it always was.</summary>
    private static void WriteSources(Utf8JsonWriter json, IReadOnlyList<AnswerSource>? sources)
    {
        if (sources is not { Count: > 0 })
        {
            return;
        }
        json.WriteStartArray(StreamEventFields.Sources);
        foreach (var source in sources)
        {
            json.WriteStartObject();
            json.WriteString(StreamEventFields.Document, source.Document);
            json.WriteString(StreamEventFields.Heading, source.Heading);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteAgents(Utf8JsonWriter json, IReadOnlyList<ModelUsage> agents)
    {
        json.WriteStartArray(StreamEventFields.Agents);
        foreach (var agent in agents)
        {
            json.WriteStartObject();
            json.WriteString(StreamEventFields.Agent, agent.Agent);
            json.WriteNumber(StreamEventFields.ModelCalls, agent.Calls);
            json.WriteNumber(StreamEventFields.InputTokens, agent.InputTokens);
            json.WriteNumber(StreamEventFields.OutputTokens, agent.OutputTokens);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
