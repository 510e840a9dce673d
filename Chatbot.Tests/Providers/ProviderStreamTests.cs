using System.Net;
using Chatbot.ApiService.Tools;

namespace Chatbot.Tests.Providers;

/// <summary>A tool result as the API sent it back to the model.</summary>
public sealed record SentToolResult(string CallId, string Content);

/// <summary>
/// What every real provider must give the client, whatever its wire format: the manager's hand-off
/// to the knowledge specialist, the model's reasoning as <c>thinking</c>, the search tool's events,
/// the answer as tokens and one <c>complete</c>; and the tool result must reach the model.
/// </summary>
public abstract class ProviderStreamTests<TFixture>(TFixture fixture) where TFixture : ProviderRunFixture
{
    /// <summary>The name the API offers <c>search_knowledge</c> under: SK qualifies it with its plugin.</summary>
    public const string OfferedSearchTool = "knowledge_search_knowledge";

    protected TFixture Fixture { get; } = fixture;

    protected AskStreamResult Result => Fixture.Result;

    /// <summary>The id the fake gave its search call, which the tool result must answer.</summary>
    protected abstract string SearchCallId { get; }

    /// <summary>The tool results a request to the model carries, in the provider's wire format.</summary>
    protected abstract IReadOnlyList<SentToolResult> ToolResultsIn(RecordedModelRequest request);

    [Fact]
    public void Answers_with_numbered_server_sent_events()
    {
        Assert.Equal(HttpStatusCode.OK, Result.Status);
        Assert.Equal("text/event-stream", Result.ContentType);
        Assert.NotEmpty(Result.Events);
        Assert.All(Result.Events, streamed => Assert.Equal(streamed.Type, streamed.EventName));
        Assert.Equal(
            Enumerable.Range(1, Result.Events.Count).Select(number => (long)number),
            Result.Events.Select(streamed => streamed.Data.GetProperty("seq").GetInt64()));
    }

    [Fact]
    public void Streams_the_agent_flow_in_order()
    {
        var types = Result.Events.Select(streamed => streamed.Type)
            .Where((type, index) => index == 0 || type != Result.Events[index - 1].Type)
            .ToArray();

        Assert.Equal(
            ["start", "agent_start", "thinking", "agent_start", "thinking", "tool_start", "tool_end", "token", "complete"],
            types);
    }

    [Fact]
    public void Hands_the_question_from_the_manager_to_the_knowledge_specialist()
    {
        Assert.Equal(["manager", "knowledge"], Result.OfType("agent_start").Select(streamed => streamed.Field("agent")));
    }

    [Fact]
    public void Streams_each_agents_reasoning_as_thinking()
    {
        var thinking = Result.OfType("thinking").ToArray();
        var knowledgeStart = Result.Events.ToList().FindIndex(streamed => streamed.Type == "agent_start" && streamed.Field("agent") == "knowledge");

        Assert.Equal(string.Concat(FakeModelScript.ManagerReasoning),
            string.Concat(Result.Events.Take(knowledgeStart).Where(streamed => streamed.Type == "thinking").Select(streamed => streamed.Field("content"))));
        Assert.Equal(string.Concat(FakeModelScript.SpecialistReasoning),
            string.Concat(Result.Events.Skip(knowledgeStart).Where(streamed => streamed.Type == "thinking").Select(streamed => streamed.Field("content"))));
        Assert.All(thinking, streamed => Assert.Equal("Agent is thinking...", streamed.Field("message")));
    }

    [Fact]
    public void Reports_the_search_knowledge_call_with_its_input_and_result()
    {
        var start = Assert.Single(Result.OfType("tool_start"));
        var end = Assert.Single(Result.OfType("tool_end"));

        Assert.Equal(KnowledgeTools.SearchKnowledge, start.Field("tool"));
        Assert.Equal(KnowledgeTools.SearchKnowledge, end.Field("tool"));
        Assert.Equal(FakeModelScript.SearchArguments, start.Field("input"));
        Assert.False(string.IsNullOrEmpty(end.Field("result")));
        Assert.StartsWith(end.Field("result")!, ExpectedSearchResult());
    }

    [Fact]
    public void Streams_the_answer_text_as_tokens()
    {
        var tokens = Result.OfType("token").Select(streamed => streamed.Field("content")).ToArray();

        Assert.True(tokens.Length > 1, $"The answer came in {tokens.Length} token event(s), not as the model streamed it.");
        Assert.Equal(FakeModelScript.Answer, string.Concat(tokens));
    }

    [Fact]
    public void Ends_with_exactly_one_complete_event()
    {
        Assert.Empty(Result.OfType("error"));
        var complete = Assert.Single(Result.OfType("complete"));
        Assert.Same(complete, Result.Events[^1]);
        Assert.Equal(FakeModelScript.AnswerDeltas.Length, complete.Data.GetProperty("usage").GetProperty("output_tokens").GetInt64());
    }

    [Fact]
    public void Counts_the_input_tokens_of_every_model_call_including_the_hand_off()
    {
        var complete = Assert.Single(Result.OfType("complete"));

        Assert.Equal(FakeModelScript.InputTokensPerCall * Fixture.Server.Requests.Count,
            complete.Data.GetProperty("usage").GetProperty("input_tokens").GetInt64());
    }

    [Fact]
    public void Asks_the_model_to_hand_off_then_to_search_then_to_answer()
    {
        var requests = Fixture.Server.Requests;

        Assert.Equal([FakeReply.Handoff, FakeReply.SearchCall, FakeReply.Answer], requests.Select(request => request.Reply));
        Assert.Equal(["transfer_to_knowledge", "transfer_to_portfolio", "transfer_to_finance"], requests[0].OfferedTools);
        Assert.Equal([OfferedSearchTool], requests[1].OfferedTools);
        Assert.Equal([OfferedSearchTool], requests[2].OfferedTools);
    }

    [Fact]
    public void Sends_the_search_result_back_to_the_model()
    {
        var requests = Fixture.Server.Requests;
        var followUp = Assert.Single(requests, request => request.Reply == FakeReply.Answer);

        var result = Assert.Single(ToolResultsIn(followUp));
        Assert.Equal(SearchCallId, result.CallId);
        Assert.Equal(ExpectedSearchResult(), result.Content);
        Assert.All(requests.Where(request => request.Reply != FakeReply.Answer), request => Assert.Empty(ToolResultsIn(request)));
    }

    /// <summary>What search_knowledge returns for the fake's query, from the API's own knowledge base.</summary>
    private static string ExpectedSearchResult() =>
        new KnowledgeTools(KnowledgeBase.Load(Path.Combine(AppContext.BaseDirectory, "Data", "knowledge.json"))).Search("solar");
}
