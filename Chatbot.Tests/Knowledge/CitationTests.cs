using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Tools;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Knowledge.Support;

namespace Chatbot.Tests.Knowledge;

/// <summary>
/// An answer from the operator's documents names its sources: in its text, on the <c>complete</c>
/// event and on the stored turn; a client of the seed's level-1 stream sees no new event type.
/// </summary>
public sealed class CitationTests(DocumentsApi api) : IClassFixture<DocumentsApi>
{
    private const string Question = "How do I reset a charge point that hangs?";
    private static readonly AnswerSource Resetting = new(OperatorDocuments.ChargePoints, "Resetting a charge point");
    [Fact]
    public async Task The_complete_event_carries_the_passages_the_answer_drew_on_best_first()
    {
        using var http = api.Factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(Question));

        var complete = events[^1];
        Assert.Equal(StreamEventTypes.Complete, complete.Type);
        var sources = complete.Data.GetProperty(StreamEventFields.Sources).Deserialize<AnswerSource[]>()!;
        Assert.Equal(Resetting, sources[0]);
        Assert.Equal(sources.Length, sources.Distinct().Count());
    }

    [Fact]
    public async Task The_answer_text_cites_each_source_by_document_and_heading()
    {
        using var http = api.Factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(Question));

        var answer = ChatbotClient.Answer(events);
        var sources = events[^1].Data.GetProperty(StreamEventFields.Sources).Deserialize<AnswerSource[]>()!;
        Assert.Contains("(Source: charge-points.md › Resetting a charge point)", answer);
        Assert.All(sources, source => Assert.Contains($"(Source: {source.Document} › {source.Heading})", answer));
        Assert.Contains("soft reset", answer);
    }

    [Fact]
    public async Task The_stored_answer_returns_its_sources_and_the_question_none()
    {
        using var http = api.Factory.CreateClient();
        var conversationId = $"sources-{Guid.NewGuid():N}";
        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(Question, conversationId));

        var conversation = await http.GetFromJsonAsync<ConversationResponse>(ChatbotRoutes.Conversation(conversationId));

        var streamed = events[^1].Data.GetProperty(StreamEventFields.Sources).Deserialize<AnswerSource[]>()!;
        Assert.Null(conversation!.Turns[0].Sources);
        Assert.Equal(streamed, conversation.Turns[1].Sources);
    }

    [Fact]
    public async Task The_level_one_stream_has_no_new_event_type()
    {
        using var http = api.Factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(Question));

        Assert.Equal([StreamEventTypes.Complete, StreamEventTypes.Start, StreamEventTypes.Token], events.Select(e => e.Type).Distinct().Order());
        Assert.True(events[^1].Data.TryGetProperty(StreamEventFields.Sources, out _));
    }

    [Fact]
    public async Task An_answer_no_document_speaks_to_says_so_and_names_no_source()
    {
        using var http = api.Factory.CreateClient();
        var conversationId = $"no-sources-{Guid.NewGuid():N}";

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Who won the football world cup?", conversationId));
        var conversation = await http.GetFromJsonAsync<ConversationResponse>(ChatbotRoutes.Conversation(conversationId));

        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
        Assert.False(events[^1].Data.TryGetProperty(StreamEventFields.Sources, out _));
        Assert.StartsWith("I found nothing on that in the documents.", ChatbotClient.Answer(events));
        Assert.Null(conversation!.Turns[1].Sources);
    }

    [Fact]
    public async Task The_search_result_the_model_reads_follows_each_passage_with_its_source()
    {
        using var http = api.Factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(Question, null, (StreamHeaders.Level, "2")));

        var end = Assert.Single(events, e => e.Type == StreamEventTypes.ToolEnd);
        Assert.Equal(KnowledgeTools.SearchKnowledge, end.Text(StreamEventFields.Tool));
        Assert.StartsWith("A charge point that hangs", end.Text(StreamEventFields.Result));
    }
}
