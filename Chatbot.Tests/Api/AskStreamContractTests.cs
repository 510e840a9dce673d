using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Api;

/// <summary>The seed's HTTP contract for ask_stream, against the running API.</summary>
public sealed class AskStreamContractTests : IClassFixture<ApiFactory>
{
    private const string PaybackQuestion = "What is the payback of a 100000 EUR investment saving 15000 EUR a year?";
    private readonly ApiFactory _factory;

    public AskStreamContractTests(ApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Stream_frames_carry_increasing_ids_matching_event_names_and_one_line_json()
    {
        using var http = _factory.CreateClient();

        var (response, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(PaybackQuestion, "frames-1"));

        Assert.Equal(StreamHeaders.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("no", response.Headers.GetValues("X-Accel-Buffering").Single());
        Assert.Null(response.Content.Headers.ContentEncoding.FirstOrDefault());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString()), events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal(e.EventType, e.Type));
        Assert.All(events, e => Assert.DoesNotContain('\n', e.RawData));
        Assert.All(events, e => Assert.Equal(long.Parse(e.Id!), e.Data.GetProperty(StreamEventFields.Sequence).GetInt64()));
    }

    [Fact]
    public async Task First_frame_sets_retry_to_three_seconds()
    {
        using var http = _factory.CreateClient();
        using var response = await http.SendAsync(ChatbotClient.AskRequest("What is OPEX?"), HttpCompletionOption.ResponseHeadersRead);

        var raw = await response.Content.ReadAsStringAsync();

        var firstFrame = raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)];
        Assert.Contains("\nretry: 3000", firstFrame);
        Assert.Equal(1, raw.Split("retry:").Length - 1);
    }

    [Fact]
    public async Task Stream_starts_with_ids_and_ends_with_one_complete_carrying_usage_and_timings()
    {
        using var http = _factory.CreateClient();

        var (response, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(PaybackQuestion, "frames-2"));

        var start = events[0];
        Assert.Equal(StreamEventTypes.Start, start.Type);
        Assert.Equal("frames-2", start.Text(StreamEventFields.ConversationId));
        Assert.Equal(ChatbotClient.RunId(response), start.Text(StreamEventFields.RunId));
        var terminal = Assert.Single(events, e => StreamEventTypes.IsTerminal(e.Type));
        Assert.Same(events[^1], terminal);
        Assert.Equal(StreamEventTypes.Complete, terminal.Type);
        Assert.True(terminal.Data.GetProperty(StreamEventFields.Usage).GetProperty(StreamEventFields.OutputTokens).GetInt64() > 0);
        Assert.True(terminal.Data.GetProperty(StreamEventFields.TimeToFirstTokenMs).GetDouble() >= 0);
        Assert.True(terminal.Data.GetProperty(StreamEventFields.DurationMs).GetDouble() >= terminal.Data.GetProperty(StreamEventFields.TimeToFirstTokenMs).GetDouble());
        Assert.Contains("Payback: 6.7 years", ChatbotClient.Answer(events));
    }

    [Fact]
    public async Task Seed_react_hook_reading_gets_the_whole_answer()
    {
        using var http = _factory.CreateClient();
        using var response = await http.SendAsync(ChatbotClient.AskRequest("Explain battery storage", "react-1"), HttpCompletionOption.ResponseHeadersRead);

        var events = await ChatbotClient.ReadLikeSeedReactHookAsync(response);

        var answer = string.Concat(events.Where(e => e.GetProperty(StreamEventFields.Type).GetString() == StreamEventTypes.Token).Select(e => e.GetProperty(StreamEventFields.Content).GetString()));
        Assert.StartsWith("Here is what the knowledge base says.", answer);
        Assert.EndsWith(OfflineAnswerWriter.Signature, answer);
        Assert.Equal(StreamEventTypes.Complete, events[^1].GetProperty(StreamEventFields.Type).GetString());
    }

    [Fact]
    public async Task Level_one_is_the_default_and_carries_tokens_only()
    {
        using var http = _factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(PaybackQuestion));

        Assert.Equal([StreamEventTypes.Complete, StreamEventTypes.Start, StreamEventTypes.Token], events.Select(e => e.Type).Distinct().Order());
    }

    [Fact]
    public async Task Level_two_adds_agent_tool_and_thinking_events()
    {
        using var http = _factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(PaybackQuestion, null, (StreamHeaders.Level, "2")));

        var agents = events.Where(e => e.Type == StreamEventTypes.AgentStart).Select(e => e.Text(StreamEventFields.Agent));
        Assert.Equal(["manager", "finance"], agents);
        Assert.Contains(events, e => e.Type == StreamEventTypes.Thinking && e.Text(StreamEventFields.Content)!.Length > 0 && e.Text(StreamEventFields.Message) is not null);
        var toolStart = Assert.Single(events, e => e.Type == StreamEventTypes.ToolStart);
        var toolEnd = Assert.Single(events, e => e.Type == StreamEventTypes.ToolEnd);
        Assert.Equal("calculate_payback", toolStart.Text(StreamEventFields.Tool));
        Assert.Contains("capexEur", toolStart.Text(StreamEventFields.Input));
        Assert.Equal("calculate_payback", toolEnd.Text(StreamEventFields.Tool));
        Assert.StartsWith("Payback: 6.7 years", toolEnd.Text(StreamEventFields.Result));
        Assert.True(events.IndexOf(toolEnd) < events.FindIndex(e => e.Type == StreamEventTypes.Token));
    }

    [Fact]
    public async Task Tool_input_and_result_are_truncated_to_100_and_200_characters()
    {
        using var http = _factory.CreateClient();
        var longQuestion = "Explain solar " + string.Join(' ', Enumerable.Repeat("photovoltaic", 30));

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(longQuestion, null, (StreamHeaders.Level, "2")));

        Assert.Equal(100, events.Single(e => e.Type == StreamEventTypes.ToolStart).Text(StreamEventFields.Input)!.Length);
        Assert.Equal(200, events.Single(e => e.Type == StreamEventTypes.ToolEnd).Text(StreamEventFields.Result)!.Length);
    }

    [Fact]
    public async Task A_request_can_ask_for_a_subset_of_events()
    {
        using var http = _factory.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http,
            ChatbotClient.AskRequest(PaybackQuestion, null, (StreamHeaders.Events, $"{StreamEventTypes.Token}, {StreamEventTypes.ToolStart}")));

        Assert.Equal([StreamEventTypes.Complete, StreamEventTypes.Start, StreamEventTypes.Token, StreamEventTypes.ToolStart], events.Select(e => e.Type).Distinct().Order());
    }

    [Fact]
    public async Task The_server_configuration_bounds_what_a_request_may_ask_for()
    {
        await using var restricted = new ApiFactory()
            .With("Chatbot:Streaming:AllowedEvents:0", StreamEventTypes.Token)
            .With("Chatbot:Streaming:AllowedEvents:1", StreamEventTypes.ToolEnd);
        using var http = restricted.CreateClient();

        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest(PaybackQuestion, null, (StreamHeaders.Level, "2")));

        Assert.Equal([StreamEventTypes.Complete, StreamEventTypes.Start, StreamEventTypes.Token, StreamEventTypes.ToolEnd], events.Select(e => e.Type).Distinct().Order());
    }

    [Fact]
    public async Task Accept_event_stream_alone_selects_streaming()
    {
        using var http = _factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream) { Content = JsonContent.Create(new QuestionRequest("What is LCOE?")) };
        request.Headers.Accept.ParseAdd(StreamHeaders.ContentType);

        var (response, events) = await ChatbotClient.StreamAsync(http, request);

        Assert.Equal(StreamHeaders.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
    }

    [Fact]
    public async Task Without_streaming_the_answer_is_json_and_a_conversation_id_is_created()
    {
        using var http = _factory.CreateClient();

        var response = await http.PostAsJsonAsync(ChatbotRoutes.AskStream, new QuestionRequest("What is a feed-in tariff?"));
        var body = await response.Content.ReadFromJsonAsync<QuestionResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Here is what the knowledge base says.", body!.Answer);
        Assert.Matches("^[0-9a-f]{32}$", body.ConversationId);
    }

    [Fact]
    public async Task The_seed_health_endpoint_keeps_its_shape()
    {
        using var http = _factory.CreateClient();
        await http.GetAsync(ChatbotRoutes.Prewarm);

        var health = await http.GetFromJsonAsync<JsonElement>(ChatbotRoutes.Health);

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.True(health.GetProperty("agent_initialized").GetBoolean());
        Assert.True(health.GetProperty("agent_id").GetInt64() > 0);
        Assert.True(health.TryGetProperty("timestamp", out _));
    }

    [Fact]
    public async Task OpenAPI_document_and_API_reference_are_served_in_development()
    {
        using var http = _factory.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var reference = await http.GetAsync("/scalar/v1");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty(ChatbotRoutes.AskStream, out _));
        Assert.True(paths.GetProperty($"{ChatbotRoutes.AskStream}/{{runId}}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty($"{ChatbotRoutes.AskStream}/{{runId}}/cancel").TryGetProperty("post", out _));
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }
}
