using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Tools;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.ApiService.Tools.Portfolio;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Api;

/// <summary>
/// The manager hands every part of a question on in one turn and finishes in it, each hand-off in
/// the timeline and the answers in one stream; only a part that needs an earlier answer takes it
/// another turn. The model calls are counted where the offline model is called: the seed's 3 for
/// one topic, 1 + 2 a part, none after the last answer token. The run budget ends a manager that
/// never finishes.
/// </summary>
public sealed class TeamHandoffTests
{
    private const string Compound = "How are my PV systems doing, and what would a 200 kWh battery cost?";
    private const string Dependent = "How are my PV systems doing, and what is the payback of those if they cost 100000 EUR and save 15000 EUR a year?";

    private static readonly AltecoContext Hamburg = new()
    {
        UserId = "u-100", TenantId = "t-100", UserSystems = ["PV-001", "PV-002"], ChargePoints = ["CP-101", "CP-102"], Storage = ["BAT-501"],
    };

    [Fact]
    public async Task A_compound_question_is_answered_by_two_specialists_in_one_stream_and_one_stored_answer()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, AskAtLevelTwo(Compound, "team-compound"));

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.Equal([Manager.Name, ToolNames.Portfolio, ToolNames.Finance], AgentStarts(events));
        AssertModelCalls(model, events, (Manager.Name, 1), (ToolNames.Portfolio, 2), (ToolNames.Finance, 2));
        Assert.Equal([PortfolioTools.ListMyAssets, KnowledgeTools.SearchKnowledge],
            events.Where(e => e.Type == StreamEventTypes.ToolStart).Select(e => e.Text(StreamEventFields.Tool)));
        var portfolio = TokensOf(events, ToolNames.Portfolio);
        var finance = TokensOf(events, ToolNames.Finance);
        Assert.StartsWith("You have 2 assets.", portfolio);
        Assert.Contains("**PV-001**", portfolio);
        Assert.StartsWith("\n\nHere is what the knowledge base says.", finance);
        Assert.Contains("Battery storage", finance);
        var answer = ChatbotClient.Answer(events);
        Assert.Equal(portfolio + finance, answer);

        var stored = await StoredAnswer(factory, "team-compound");
        Assert.Equal(answer, stored.Content);
        Assert.Equal($"{ToolNames.Portfolio}, {ToolNames.Finance}", stored.Agent);
        Assert.False(stored.Incomplete);
    }

    [Fact]
    public async Task A_part_that_needs_an_earlier_answer_takes_the_manager_one_more_turn_and_no_more()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, AskAtLevelTwo(Dependent, "team-dependent"));

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.Equal([Manager.Name, ToolNames.Portfolio, Manager.Name, ToolNames.Finance], AgentStarts(events));
        AssertModelCalls(model, events, (Manager.Name, 2), (ToolNames.Portfolio, 2), (ToolNames.Finance, 2));
        var managerSecondTurn = model.Calls.ElementAt(3);
        Assert.StartsWith("You have 2 assets.", Assert.Single(managerSecondTurn.SelectMany(message => message.Contents).OfType<FunctionResultContent>()).Result?.ToString());
        Assert.Contains("Payback", TokensOf(events, ToolNames.Finance), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_single_topic_question_is_still_handed_off_once()
    {
        var model = new RecordingChatClient();
        await using var factory = new ApiFactory().WithModel(model);
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, AskAtLevelTwo("How are my PV systems doing?", "team-single"));

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.Equal([Manager.Name, ToolNames.Portfolio], AgentStarts(events));
        AssertModelCalls(model, events, (Manager.Name, 1), (ToolNames.Portfolio, 2));
        Assert.Single(events, e => e.Type == StreamEventTypes.ToolStart);
        var answer = ChatbotClient.Answer(events);
        Assert.StartsWith("You have 2 assets.", answer);
        Assert.EndsWith(OfflineAnswerWriter.Signature, answer);
        var stored = await StoredAnswer(factory, "team-single");
        Assert.Equal(answer, stored.Content);
        Assert.Equal(ToolNames.Portfolio, stored.Agent);
    }

    [Fact]
    public async Task A_manager_that_keeps_handing_off_is_stopped_by_the_tool_call_budget()
    {
        const int budget = 3;
        await using var factory = new ApiFactory().WithModel(new EndlessHandoffChatClient()).With("Chatbot:Budget:MaxToolCalls", $"{budget}");
        using var http = factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is OPEX?", null, (StreamHeaders.Level, "2")));

        var error = events[^1];
        Assert.Equal(StreamEventTypes.Error, error.Type);
        Assert.Equal(StreamErrorCodes.BudgetExceededPrefix + StreamErrorCodes.BudgetLimits.ToolCalls, error.Text(StreamEventFields.Code));
        Assert.Equal(budget, AgentStarts(events).Count(agent => agent == ToolNames.Knowledge));
        Assert.Equal(string.Join("\n\n", Enumerable.Repeat(EndlessHandoffChatClient.Answer, budget)), ChatbotClient.Answer(events));
    }

    private static HttpRequestMessage AskAtLevelTwo(string question, string conversationId) =>
        ChatbotClient.AskRequest(question, conversationId, [(StreamHeaders.Level, "2"), .. CallerHeaders.Of(Hamburg)]);

    private static string[] AgentStarts(IEnumerable<SseEvent> events) =>
        [.. events.Where(e => e.Type == StreamEventTypes.AgentStart).Select(e => e.Text(StreamEventFields.Agent)!)];

    /// <summary>The tokens streamed while <paramref name="agent"/> was the last agent started.</summary>
    private static string TokensOf(IEnumerable<SseEvent> events, string agent)
    {
        string? current = null;
        var tokens = new List<string?>();
        foreach (var e in events)
        {
            if (e.Type == StreamEventTypes.AgentStart)
            {
                current = e.Text(StreamEventFields.Agent);
            }
            else if (e.Type == StreamEventTypes.Token && current == agent)
            {
                tokens.Add(e.Text(StreamEventFields.Content));
            }
        }
        return string.Concat(tokens);
    }

    /// <summary>
    /// The calls the model got, as the <c>complete</c> event's usage reports them per agent, and
    /// none after the last answer token: the last call is a specialist's, offered no transfer.
    /// </summary>
    private static void AssertModelCalls(RecordingChatClient model, IReadOnlyList<SseEvent> events, params (string Agent, int Calls)[] expected)
    {
        var usage = events[^1].Data.GetProperty(StreamEventFields.Usage);
        Assert.Equal(expected.Sum(agent => agent.Calls), model.Calls.Count);
        Assert.Equal(model.Calls.Count, usage.GetProperty(StreamEventFields.ModelCalls).GetInt32());
        Assert.Equal(expected, usage.GetProperty(StreamEventFields.Agents).EnumerateArray()
            .Select(agent => (agent.GetProperty(StreamEventFields.Agent).GetString()!, agent.GetProperty(StreamEventFields.ModelCalls).GetInt32())));
        Assert.DoesNotContain(model.ToolsOffered.Last(), tool => tool.StartsWith(ToolNames.HandoffPrefix, StringComparison.Ordinal));
    }

    private static async Task<ConversationTurn> StoredAnswer(ApiFactory factory, string conversationId)
    {
        var turns = await factory.Services.GetRequiredService<IConversationStore>()
            .GetTurnsAsync(new ConversationKey(Hamburg.Owner, conversationId), CancellationToken.None);
        return Assert.Single(turns, turn => turn.Role == ConversationTurn.Assistant);
    }
}
