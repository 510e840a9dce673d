using System.Text.Json;
using Chatbot.Web.Api;
using Chatbot.Web.Chat;

namespace Chatbot.Tests.Web;

public sealed class StreamEventApplierTests
{
    [Fact]
    public void Builds_the_answer_and_its_timeline_from_events()
    {
        var answer = new ChatMessage(ChatRole.Assistant);
        string[] events =
        [
            """{"type":"agent_start","agent":"manager"}""",
            """{"type":"thinking","content":"The question ","message":"m"}""",
            """{"type":"thinking","content":"is about money.","message":"m"}""",
            """{"type":"tool_start","tool":"calculate_payback","input":"{}"}""",
            """{"type":"tool_end","tool":"calculate_payback","result":"6.7 years"}""",
            """{"type":"token","content":"Payback"}""",
            """{"type":"token","content":" 6.7 years"}""",
        ];

        var outcomes = events.Select(json => StreamEventApplier.Apply(Event(json), answer)).ToArray();

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

        var complete = StreamEventApplier.Apply(Event("""{"type":"complete","usage":{}}"""), answer);
        var error = StreamEventApplier.Apply(Event("""{"type":"error","message":"Try again.","correlation_id":"abc"}"""), answer);

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

        var outcome = StreamEventApplier.Apply(Event("""{"type":"start","conversation_id":"c1","run_id":"run-7"}"""), answer);

        Assert.False(outcome.IsTerminal);
        Assert.Equal("run-7", answer.RunId);
    }

    [Fact]
    public void Reconnecting_marks_the_answer_until_the_next_event_arrives()
    {
        var answer = new ChatMessage(ChatRole.Assistant, "Solar");

        var outcome = StreamEventApplier.Apply(ChatStreamEvent.Reconnecting(), answer);
        var whileReconnecting = answer.IsReconnecting;
        StreamEventApplier.Apply(Event("""{"type":"token","content":" panels"}"""), answer);

        Assert.False(outcome.IsTerminal);
        Assert.True(whileReconnecting);
        Assert.False(answer.IsReconnecting);
        Assert.Equal("Solar panels", answer.Text);
    }

    [Fact]
    public void A_cancelled_run_ends_the_answer_as_stopped_not_as_a_failure()
    {
        var answer = new ChatMessage(ChatRole.Assistant, "Solar");

        var outcome = StreamEventApplier.Apply(Event("""{"type":"error","code":"cancelled","message":"The answer was stopped.","correlation_id":"r1"}"""), answer);

        Assert.True(outcome.IsTerminal);
        Assert.Null(outcome.Error);
        Assert.True(answer.Incomplete);
    }

    private static ChatStreamEvent Event(string json)
    {
        var data = JsonDocument.Parse(json).RootElement.Clone();
        return new ChatStreamEvent(data.GetProperty("type").GetString()!, 0, data);
    }
}
