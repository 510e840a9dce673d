using System.IO.Pipelines;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Streaming;

/// <summary>Our hand-written frame writer, checked by parsing its output with SseParser.</summary>
public sealed class SseFrameWriterTests
{
    [Fact]
    public async Task Frames_parse_back_with_ids_event_names_retry_and_one_line_json()
    {
        var events = new[]
        {
            Numbered(StreamEvent.Started("c-1", "r-1", "What is CAPEX?"), 1),
            Numbered(StreamEvent.Token("line one\nline two \"quoted\" é 🌞 </script>"), 2),
            Numbered(StreamEvent.ToolStarted("search_knowledge", new string('x', 300)), 3),
            Numbered(StreamEvent.Completed(new RunStatistics(10, 2, 1.5, 9.25)), 4),
        };

        var (raw, parsed) = await WriteAndParseAsync(events, heartbeatAfter: 1);

        Assert.Equal(["1", "2", "3", "4"], parsed.Select(item => item.EventId));
        Assert.Equal([StreamEventTypes.Start, StreamEventTypes.Token, StreamEventTypes.ToolStart, StreamEventTypes.Complete], parsed.Select(item => item.EventType));
        Assert.Equal(1, raw.Split("retry: 3000").Length - 1);
        Assert.Contains("\n\n: ping\n\n", raw);
        var token = JsonDocument.Parse(parsed[1].Data).RootElement;
        Assert.Equal("line one\nline two \"quoted\" é 🌞 </script>", token.GetProperty(StreamEventFields.Content).GetString());
        Assert.All(parsed, item => Assert.DoesNotContain('\n', item.Data));
        // SseParser also takes "data:" without the space; the seed's clients do not.
        Assert.Equal(parsed.Select(item => item.Data), ChatbotClient.SeedDataLines(raw));
        Assert.Equal(100, JsonDocument.Parse(parsed[2].Data).RootElement.GetProperty(StreamEventFields.Input).GetString()!.Length);
        var complete = JsonDocument.Parse(parsed[3].Data).RootElement;
        Assert.Equal(2, complete.GetProperty(StreamEventFields.Usage).GetProperty(StreamEventFields.OutputTokens).GetInt64());
        Assert.Equal(1.5, complete.GetProperty(StreamEventFields.TimeToFirstTokenMs).GetDouble());
    }

    [Fact]
    public async Task Error_frames_carry_message_code_and_correlation_id()
    {
        var (raw, _) = await WriteAndParseAsync([Numbered(StreamEvent.Failed("Try again.", StreamErrorCodes.AgentFailed, "abc"), 7)], heartbeatAfter: -1);

        var error = JsonDocument.Parse(Assert.Single(ChatbotClient.SeedDataLines(raw))).RootElement;
        Assert.Equal(StreamEventTypes.Error, error.GetProperty(StreamEventFields.Type).GetString());
        Assert.Equal("Try again.", error.GetProperty(StreamEventFields.Message).GetString());
        Assert.Equal(StreamErrorCodes.AgentFailed, error.GetProperty(StreamEventFields.Code).GetString());
        Assert.Equal("abc", error.GetProperty(StreamEventFields.CorrelationId).GetString());
    }

    private static StreamEvent Numbered(StreamEvent streamEvent, long sequence)
    {
        streamEvent.Sequence = sequence;
        return streamEvent;
    }

    private static async Task<(string Raw, List<SseItem<string>> Parsed)> WriteAndParseAsync(StreamEvent[] events, int heartbeatAfter)
    {
        var buffer = new MemoryStream();
        var pipe = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));
        var writer = new SseFrameWriter(pipe);
        for (var i = 0; i < events.Length; i++)
        {
            await writer.WriteAsync(events[i], CancellationToken.None);
            if (i == heartbeatAfter)
            {
                await writer.WriteHeartbeatAsync(CancellationToken.None);
            }
        }
        await pipe.CompleteAsync();
        var raw = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        buffer.Position = 0;
        var parsed = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(buffer).EnumerateAsync())
        {
            parsed.Add(item);
        }
        return (raw, parsed);
    }
}
