using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Tools;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Tests.Providers;

/// <summary>
/// What an answer costs against each provider's fake, counted at the server, where the bill is:
/// a single-topic question 3 model calls and none after the answer; a question in two independent
/// parts 5, both answers in one stream and one stored answer; a part that needs an earlier answer
/// sends the team back to the manager once, 6. The <c>complete</c> event's usage says the same,
/// per agent.
/// </summary>
public abstract class ProviderModelCallTests<TFixture> where TFixture : ProviderRunFixture
{
    private static readonly string TwoAnswers = FakeModelScript.Answer + "\n\n" + FakeModelScript.Answer;

    protected ProviderModelCallTests(TFixture fixture)
    {
        Fixture = fixture;
        fixture.Server.Reset();
    }

    protected TFixture Fixture { get; }

    [Fact]
    public async Task A_single_topic_question_costs_three_model_calls_and_none_after_the_answer()
    {
        var result = await Fixture.AskAsync(ProviderRunFixture.Question, NewConversation());

        Assert.Equal([FakeReply.Handoff, FakeReply.SearchCall, FakeReply.Answer], Replies());
        Assert.Equal(FakeModelScript.Answer, Answer(result));
        AssertCost(result, (Manager.Name, 1), (ToolNames.Knowledge, 2));
    }

    [Fact]
    public async Task A_question_in_two_independent_parts_costs_five_model_calls_and_both_answers_are_one_answer()
    {
        var conversation = NewConversation();

        var result = await Fixture.AskAsync(FakeModelScript.TwoPartQuestion, conversation);

        Assert.Equal([FakeReply.Handoff, FakeReply.SearchCall, FakeReply.Answer, FakeReply.SearchCall, FakeReply.Answer], Replies());
        Assert.Equal([Manager.Name, ToolNames.Knowledge, ToolNames.Finance], AgentStarts(result));
        Assert.Equal(TwoAnswers, Answer(result));
        AssertCost(result, (Manager.Name, 1), (ToolNames.Knowledge, 2), (ToolNames.Finance, 2));
        var stored = (await Fixture.Http.GetFromJsonAsync<ConversationResponse>(ChatbotRoutes.Conversation(conversation)))!.Turns[^1];
        Assert.Equal((TurnResponse.AssistantRole, TwoAnswers, false), (stored.Role, stored.Content, stored.Incomplete));
    }

    [Fact]
    public async Task A_part_that_needs_an_earlier_answer_sends_the_team_back_to_the_manager_once()
    {
        var result = await Fixture.AskAsync(FakeModelScript.DependentQuestion, NewConversation());

        Assert.Equal([FakeReply.Handoff, FakeReply.SearchCall, FakeReply.Answer, FakeReply.Handoff, FakeReply.SearchCall, FakeReply.Answer], Replies());
        var secondTurn = Fixture.Server.Requests[3];
        var handedBack = Assert.Single(Fixture.Server.ToolResultsIn(secondTurn));
        Assert.Equal(Fixture.Server.CallId(FakeModelScript.ManagerCalls(FakeModelScript.DependentQuestion, 0)[0]), handedBack.CallId);
        Assert.Equal(FakeModelScript.Answer, handedBack.Content);
        Assert.Equal([Manager.Name, ToolNames.Knowledge, Manager.Name, ToolNames.Finance], AgentStarts(result));
        Assert.Equal(TwoAnswers, Answer(result));
        AssertCost(result, (Manager.Name, 2), (ToolNames.Knowledge, 2), (ToolNames.Finance, 2));
    }

    private static string NewConversation() => "calls-" + Guid.NewGuid().ToString("N");

    private FakeReply[] Replies() => [.. Fixture.Server.Requests.Select(request => request.Reply)];

    private static string[] AgentStarts(AskStreamResult result) =>
        [.. result.OfType(StreamEventTypes.AgentStart).Select(streamed => streamed.Text(StreamEventFields.Agent)!)];

    private static string Answer(AskStreamResult result) =>
        string.Concat(result.OfType(StreamEventTypes.Token).Select(streamed => streamed.Text(StreamEventFields.Content)));

    /// <summary>The usage the <c>complete</c> event reports: the calls the fake counted, per agent, and their input tokens.</summary>
    private void AssertCost(AskStreamResult result, params (string Agent, int Calls)[] expected)
    {
        var usage = Assert.Single(result.OfType(StreamEventTypes.Complete)).Data.GetProperty(StreamEventFields.Usage);
        Assert.Equal(Fixture.Server.Requests.Count, usage.GetProperty(StreamEventFields.ModelCalls).GetInt32());
        Assert.Equal(expected.Sum(agent => agent.Calls), Fixture.Server.Requests.Count);
        Assert.Equal(
            expected.Select(agent => (agent.Agent, agent.Calls, (long)agent.Calls * FakeModelScript.InputTokensPerCall)),
            usage.GetProperty(StreamEventFields.Agents).EnumerateArray().Select(ReadAgent));
    }

    private static (string, int, long) ReadAgent(JsonElement agent) => (
        agent.GetProperty(StreamEventFields.Agent).GetString()!,
        agent.GetProperty(StreamEventFields.ModelCalls).GetInt32(),
        agent.GetProperty(StreamEventFields.InputTokens).GetInt64());
}

public sealed class OpenAIModelCallTests(OpenAIRunFixture fixture)
    : ProviderModelCallTests<OpenAIRunFixture>(fixture), IClassFixture<OpenAIRunFixture>;

[Collection(AwsEnvironmentCollection.Name)]
public sealed class BedrockModelCallTests(BedrockRunFixture fixture)
    : ProviderModelCallTests<BedrockRunFixture>(fixture), IClassFixture<BedrockRunFixture>;

[Collection(AwsEnvironmentCollection.Name)]
public sealed class ConverseModelCallTests(ConverseRunFixture fixture)
    : ProviderModelCallTests<ConverseRunFixture>(fixture), IClassFixture<ConverseRunFixture>;
