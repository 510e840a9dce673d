using System.Text.Json.Nodes;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;
using Chatbot.Web.Chat;

namespace Chatbot.Tests.Web;

public sealed class StreamEventApplierTests
{
    [Fact]
    public void Builds_the_answer_and_its_timeline_from_events()
    {
        var answer = new ChatMessage(ChatRole.Assistant);
        ChatStreamEvent[] events =
        [
            Event(StreamEventTypes.AgentStart, (StreamEventFields.Agent, "manager")),
            Event(StreamEventTypes.Thinking, (StreamEventFields.Content, "The question "), (StreamEventFields.Message, "m")),
            Event(StreamEventTypes.Thinking, (StreamEventFields.Content, "is about money."), (StreamEventFields.Message, "m")),
            Event(StreamEventTypes.ToolStart, (StreamEventFields.Tool, "calculate_payback"), (StreamEventFields.Input, "{}")),
            Event(StreamEventTypes.ToolEnd, (StreamEventFields.Tool, "calculate_payback"), (StreamEventFields.Result, "6.7 years")),
            Event(StreamEventTypes.Token, (StreamEventFields.Content, "Payback")),
            Event(StreamEventTypes.Token, (StreamEventFields.Content, " 6.7 years")),
        ];

        var outcomes = events.Select(streamEvent => StreamEventApplier.Apply(streamEvent, answer)).ToArray();

        Assert.All(outcomes, outcome => Assert.False(outcome.IsTerminal));
        Assert.Equal("Payback 6.7 years", answer.Text);
        Assert.Equal([ReasoningStepKind.Agent, ReasoningStepKind.Thinking, ReasoningStepKind.Tool], answer.Reasoning.Select(step => step.Kind));
        Assert.Equal("The question is about money.", answer.Reasoning[1].Detail);
        Assert.Equal("6.7 years", answer.Reasoning[2].Result);
    }

    [Fact]
    public void Complete_and_error_end_the_stream()
    {
        var answer = new ChatMessage(ChatRole.Assistant);

        var complete = StreamEventApplier.Apply(Event(StreamEventTypes.Complete, (StreamEventFields.Usage, new JsonObject())), answer);
        var error = StreamEventApplier.Apply(Event(StreamEventTypes.Error, (StreamEventFields.Message, "Try again."), (StreamEventFields.CorrelationId, "abc")), answer);

        Assert.True(complete.IsTerminal);
        Assert.Null(complete.Error);
        Assert.True(error.IsTerminal);
        Assert.Equal("Try again.", error.Error);
        Assert.Equal("abc", error.CorrelationId);
    }

    [Fact]
    public void The_start_event_gives_the_answer_its_run_id()
    {
        var answer = new ChatMessage(ChatRole.Assistant);

        var outcome = StreamEventApplier.Apply(Event(StreamEventTypes.Start, (StreamEventFields.ConversationId, "c1"), (StreamEventFields.RunId, "run-7")), answer);

        Assert.False(outcome.IsTerminal);
        Assert.Equal("run-7", answer.RunId);
    }

    [Fact]
    public void Reconnecting_marks_the_answer_until_the_next_event_arrives()
    {
        var answer = new ChatMessage(ChatRole.Assistant, "Solar");

        var outcome = StreamEventApplier.Apply(ChatStreamEvent.Reconnecting(), answer);
        var whileReconnecting = answer.IsReconnecting;
        StreamEventApplier.Apply(Event(StreamEventTypes.Token, (StreamEventFields.Content, " panels")), answer);

        Assert.False(outcome.IsTerminal);
        Assert.True(whileReconnecting);
        Assert.False(answer.IsReconnecting);
        Assert.Equal("Solar panels", answer.Text);
    }

    [Fact]
    public void A_cancelled_run_ends_the_answer_as_stopped_not_as_a_failure()
    {
        var answer = new ChatMessage(ChatRole.Assistant, "Solar");

        var outcome = StreamEventApplier.Apply(Event(StreamEventTypes.Error, (StreamEventFields.Code, StreamErrorCodes.Cancelled), (StreamEventFields.Message, "The answer was stopped."), (StreamEventFields.CorrelationId, "r1")), answer);

        Assert.True(outcome.IsTerminal);
        Assert.Null(outcome.Error);
        Assert.True(answer.Incomplete);
    }

    /// <summary>An event as the API sends it: its type, then its fields in order.</summary>
    private static ChatStreamEvent Event(string type, params (string Field, JsonNode? Value)[] fields)
    {
        var json = new JsonObject { [StreamEventFields.Type] = type };
        foreach (var (field, value) in fields)
        {
            json[field] = value;
        }
        return new ChatStreamEvent(type, null, json.ToJsonString());
    }
}
