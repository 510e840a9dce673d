using System.Text;
using System.Text.Json;
using Chatbot.ApiService.Runs.Redis;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Tests.Streaming;

/// <summary>A journaled event reads back as the same event: a resumed stream carries exactly what the live one did.</summary>
public sealed class StoredEventJsonTests
{
    public static TheoryData<StreamEvent> EveryType() =>
    [
        StreamEvent.Started("c-1", "r-1", "Wie hoch ist der CAPEX? 🌞"),
        StreamEvent.Token("line one\nline \"two\""),
        StreamEvent.Thinking("I look it up."),
        StreamEvent.AgentStarted("finance"),
        StreamEvent.ToolStarted("capex", "{\"amount\":100000}"),
        StreamEvent.ToolEnded("capex", "CAPEX is 100,000 EUR."),
        StreamEvent.Completed(new RunStatistics(120, 30, null, 812.5)),
        StreamEvent.Completed(new RunStatistics(120, 30, 12.25, 812.5)),
        StreamEvent.Completed(new RunStatistics(120, 30, 12.25, 812.5), [new AnswerSource("capex.md", "What CAPEX covers"), new AnswerSource("guides/wartung.md", "Kosten \"netto\"")]),
        StreamEvent.Failed("The answer was stopped.", StreamErrorCodes.Cancelled, "r-1"),
    ];

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Every_event_type_reads_back_as_the_same_wire_json(StreamEvent original)
    {
        original.Sequence = 42;

        var stored = RedisEventBatch.Encode([original]);
        var restored = StreamEventJson.FromStoredJson(stored.Span, sequence: 42);

        Assert.DoesNotContain("\"seq\"", Encoding.UTF8.GetString(stored.Span));
        Assert.Equal(WireJson(original), WireJson(restored));
    }

    private static string WireJson(StreamEvent streamEvent)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, StreamEventJson.WriterOptions))
        {
            StreamEventJson.Write(json, streamEvent);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
