using System.Net;
using Chatbot.ApiService.Streaming;
using Chatbot.ApiService.Tools;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.Contracts.Streaming;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

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
    protected string SearchCallId => Fixture.Server.CallId(FakeModelScript.SearchCall([OfferedSearchTool])!);

    [Fact]
    public void Answers_with_numbered_server_sent_events()
    {
        Assert.Equal(HttpStatusCode.OK, Result.Status);
        Assert.Equal(StreamHeaders.ContentType, Result.ContentType);
        Assert.NotEmpty(Result.Events);
        Assert.All(Result.Events, streamed => Assert.Equal(streamed.Type, streamed.EventType));
        Assert.Equal(
            Enumerable.Range(1, Result.Events.Count).Select(number => (long)number),
            Result.Events.Select(streamed => streamed.Data.GetProperty(StreamEventFields.Sequence).GetInt64()));
    }

    [Fact]
    public void Streams_the_agent_flow_in_order()
    {
        var types = Result.Events.Select(streamed => streamed.Type)
            .Where((type, index) => index == 0 || type != Result.Events[index - 1].Type)
            .ToArray();

        Assert.Equal(
            [
                StreamEventTypes.Start, StreamEventTypes.AgentStart, StreamEventTypes.Thinking, StreamEventTypes.AgentStart, StreamEventTypes.Thinking,
                StreamEventTypes.ToolStart, StreamEventTypes.ToolEnd, StreamEventTypes.Token, StreamEventTypes.Complete,
            ],
            types);
    }

    [Fact]
    public void Hands_the_question_from_the_manager_to_the_knowledge_specialist()
    {
        Assert.Equal(["manager", "knowledge"], Result.OfType(StreamEventTypes.AgentStart).Select(streamed => streamed.Text(StreamEventFields.Agent)));
    }

    [Fact]
    public void Streams_each_agents_reasoning_as_thinking()
    {
        var thinking = Result.OfType(StreamEventTypes.Thinking).ToArray();
        var knowledgeStart = Result.Events.ToList().FindIndex(streamed => streamed.Type == StreamEventTypes.AgentStart && streamed.Text(StreamEventFields.Agent) == "knowledge");

        Assert.Equal(string.Concat(FakeModelScript.ManagerReasoning),
            string.Concat(Result.Events.Take(knowledgeStart).Where(streamed => streamed.Type == StreamEventTypes.Thinking).Select(streamed => streamed.Text(StreamEventFields.Content))));
        Assert.Equal(string.Concat(FakeModelScript.SpecialistReasoning),
            string.Concat(Result.Events.Skip(knowledgeStart).Where(streamed => streamed.Type == StreamEventTypes.Thinking).Select(streamed => streamed.Text(StreamEventFields.Content))));
        Assert.All(thinking, streamed => Assert.Equal(StreamEvent.ThinkingMessage, streamed.Text(StreamEventFields.Message)));
    }

    [Fact]
    public async Task Reports_the_search_knowledge_call_with_its_input_and_result()
    {
        var start = Assert.Single(Result.OfType(StreamEventTypes.ToolStart));
        var end = Assert.Single(Result.OfType(StreamEventTypes.ToolEnd));

        Assert.Equal(KnowledgeTools.SearchKnowledge, start.Text(StreamEventFields.Tool));
        Assert.Equal(KnowledgeTools.SearchKnowledge, end.Text(StreamEventFields.Tool));
        Assert.Equal(FakeModelScript.SearchArguments, start.Text(StreamEventFields.Input));
        Assert.False(string.IsNullOrEmpty(end.Text(StreamEventFields.Result)));
        Assert.StartsWith(end.Text(StreamEventFields.Result)!, await ExpectedSearchResultAsync());
    }

    [Fact]
    public void Streams_the_answer_text_as_tokens()
    {
        var tokens = Result.OfType(StreamEventTypes.Token).Select(streamed => streamed.Text(StreamEventFields.Content)).ToArray();

        Assert.True(tokens.Length > 1, $"The answer came in {tokens.Length} token event(s), not as the model streamed it.");
        Assert.Equal(FakeModelScript.Answer, string.Concat(tokens));
    }

    [Fact]
    public void Ends_with_exactly_one_complete_event()
    {
        Assert.Empty(Result.OfType(StreamEventTypes.Error));
        var complete = Assert.Single(Result.OfType(StreamEventTypes.Complete));
        Assert.Same(complete, Result.Events[^1]);
        Assert.Equal(FakeModelScript.AnswerDeltas.Length, complete.Data.GetProperty(StreamEventFields.Usage).GetProperty(StreamEventFields.OutputTokens).GetInt64());
    }

    [Fact]
    public void Counts_the_input_tokens_of_every_model_call_including_the_hand_off()
    {
        var complete = Assert.Single(Result.OfType(StreamEventTypes.Complete));

        Assert.Equal(FakeModelScript.InputTokensPerCall * Fixture.Server.Requests.Count,
            complete.Data.GetProperty(StreamEventFields.Usage).GetProperty(StreamEventFields.InputTokens).GetInt64());
    }

    [Fact]
    public void Asks_the_model_to_hand_off_and_finish_then_to_search_then_to_answer_and_nothing_after()
    {
        var requests = Fixture.Server.Requests;

        Assert.Equal([FakeReply.Handoff, FakeReply.SearchCall, FakeReply.Answer], requests.Select(request => request.Reply));
        Assert.Equal(["transfer_to_knowledge", "transfer_to_portfolio", "transfer_to_finance", FakeModelScript.FinishTool], requests[0].OfferedTools);
        Assert.Equal([OfferedSearchTool], requests[1].OfferedTools);
        Assert.Equal([OfferedSearchTool], requests[2].OfferedTools);
    }

    [Fact]
    public async Task Sends_the_search_result_back_to_the_model()
    {
        var requests = Fixture.Server.Requests;
        var followUp = Assert.Single(requests, request => request.Reply == FakeReply.Answer);

        var result = Assert.Single(Fixture.Server.ToolResultsIn(followUp));
        Assert.Equal(SearchCallId, result.CallId);
        Assert.Equal(await ExpectedSearchResultAsync(), result.Content);
        Assert.All(requests.Where(request => request.Reply is FakeReply.Handoff or FakeReply.SearchCall), request => Assert.Empty(Fixture.Server.ToolResultsIn(request)));
    }

    /// <summary>What search_knowledge returns for the fake's query, from the API's built-in articles.</summary>
    public static async Task<string> ExpectedSearchResultAsync()
    {
        using var library = new KnowledgeLibrary(Options.Create(new KnowledgeOptions()),
            new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory }, NullLogger<KnowledgeLibrary>.Instance);
        return await new KnowledgeTools(library).SearchAsync(new Kernel(), "solar");
    }
}
