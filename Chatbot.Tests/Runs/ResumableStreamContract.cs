using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatbot.ApiService.Runs;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Chatbot.Tests.Runs.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Runs;

/// <summary>
/// What a resumable run promises whatever store keeps it: a dropped client resumes with every
/// event exactly once, only its owner sees it, a stop request ends it, and a client that never
/// opted in keeps the seed's cancel-on-disconnect.
/// </summary>
public abstract class ResumableStreamContract
{
    protected const string Question = "Explain how the prewarm endpoint works and why streaming matters";
    protected static readonly (string, string) Mallory = CallerHeaders.User("mallory");

    /// <summary>The API on the store under test; <paramref name="tokenDelayMs"/> paces the offline model.</summary>
    protected abstract ApiFactory CreateFactory(int tokenDelayMs = 0);

    [Fact]
    public async Task A_client_dropped_twice_gets_every_event_exactly_once_and_the_same_answer()
    {
        await using var factory = CreateFactory(tokenDelayMs: 15);
        using var http = factory.CreateClient();
        var (_, uninterrupted) = await ChatbotClient.StreamAsync(http, ResumableClient.AskRequest(Question));

        var (runId, first, _) = await ResumableClient.ReadThenDropAsync(http, ResumableClient.AskRequest(Question), count: 5);
        var (_, second, _) = await ResumableClient.ReadThenDropAsync(http, ResumableClient.ResumeRequest(runId, lastEventId: 5), count: 4);
        var (response, rest) = await ResumableClient.ResumeAsync(http, runId, lastEventId: 9);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        List<SseEvent> all = [.. first, .. second, .. rest];
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), ResumableClient.Sequences(all));
        Assert.Equal(StreamEventTypes.Complete, all[^1].Type);
        Assert.Equal(uninterrupted.Select(ResumableClient.Comparable), all.Select(ResumableClient.Comparable));
        Assert.Equal(ChatbotClient.Answer(uninterrupted), ChatbotClient.Answer(all));
    }

    [Fact]
    public async Task A_finished_run_replays_whole_and_answers_204_once_read_to_its_end()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var (live, events) = await ChatbotClient.StreamAsync(http, ResumableClient.AskRequest(Question));
        var runId = live.Headers.GetValues(StreamHeaders.RunId).Single();
        Assert.Equal("true", live.Headers.GetValues(StreamHeaders.ResumableRun).Single());

        var replay = await ChatbotClient.StreamAsync(http, ResumableClient.ResumeRequest(runId, lastEventId: null));
        var byQuery = await ChatbotClient.StreamAsync(http, new HttpRequestMessage(HttpMethod.Get, $"{ChatbotRoutes.AskStream}/{runId}?after=3"));
        var atTheEnd = await http.SendAsync(ResumableClient.ResumeRequest(runId, events.Count));
        var pastTheEnd = await http.SendAsync(ResumableClient.ResumeRequest(runId, long.MaxValue));

        Assert.Equal(events.Select(e => e.RawData), replay.Events.Select(e => e.RawData));
        Assert.Equal(Question, replay.Events[0].Text(StreamEventFields.Question));
        Assert.Equal(events.Skip(3).Select(e => e.RawData), byQuery.Events.Select(e => e.RawData));
        Assert.Equal(HttpStatusCode.NoContent, atTheEnd.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, pastTheEnd.StatusCode);
    }

    [Fact]
    public async Task The_run_record_says_whose_run_it_is_how_it_ended_and_when()
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var askedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (live, events) = await ChatbotClient.StreamAsync(http, ResumableClient.AskRequest(Question, null, CallerHeaders.User("alice")));

        var record = await factory.Services.GetRequiredService<IRunStore>().GetAsync(live.Headers.GetValues(StreamHeaders.RunId).Single(), CancellationToken.None);

        Assert.NotNull(record);
        Assert.Equal(("/alice", RunState.Completed, (long)events.Count), (record.Owner, record.State, record.LastSequence));
        Assert.Equal(events[0].Text(StreamEventFields.ConversationId), record.ConversationId);
        Assert.InRange(record.StartedAt, askedAt, DateTimeOffset.UtcNow);
        Assert.InRange(record.EndedAt!.Value, record.StartedAt, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Another_user_can_neither_resume_nor_stop_a_run()
    {
        await using var factory = CreateFactory(tokenDelayMs: 20);
        using var http = factory.CreateClient();
        var (runId, _, _) = await ResumableClient.ReadThenDropAsync(http, ResumableClient.AskRequest(Question), count: 2);

        var resume = await http.SendAsync(ResumableClient.ResumeRequest(runId, 2, Mallory));
        var cancel = await http.SendAsync(ResumableClient.CancelRequest(runId, Mallory));
        var (_, owners) = await ResumableClient.ResumeAsync(http, runId, 2);

        Assert.Equal(HttpStatusCode.NotFound, resume.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(StreamEventTypes.Complete, owners[^1].Type);
    }

    [Theory]
    [InlineData("ask_stream/0123456789abcdef0123456789abcdef", null, HttpStatusCode.NoContent)]
    [InlineData("ask_stream/not-a-run", null, HttpStatusCode.BadRequest)]
    [InlineData("ask_stream/0123456789abcdef0123456789abcdef?after=-1", null, HttpStatusCode.BadRequest)]
    [InlineData("ask_stream/0123456789abcdef0123456789abcdef", "seven", HttpStatusCode.BadRequest)]
    public async Task Resuming_an_unknown_run_is_204_and_a_malformed_request_is_400(string path, string? lastEventId, HttpStatusCode expected)
    {
        await using var factory = CreateFactory();
        using var http = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/chatbot/{path}");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation(StreamHeaders.LastEventId, lastEventId);
        }

        var response = await http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.TryGetProperty("errors", out _), problem.ToString());
        }
    }

    [Fact]
    public async Task Stopping_a_run_cancels_the_model_call_ends_its_stream_and_keeps_the_partial_answer()
    {
        var model = new RecordingChatClient(tokenDelayMs: 50) { HoldAfterFirstToken = true };
        await using var factory = CreateFactory().WithModel(model);
        using var http = factory.CreateClient();
        var response = await http.SendAsync(ResumableClient.AskRequest(Question), HttpCompletionOption.ResponseHeadersRead);
        var runId = response.Headers.GetValues(StreamHeaders.RunId).Single();
        var conversationId = response.Headers.GetValues(StreamHeaders.ConversationId).Single();
        await model.FirstTokenSent.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var cancel = await http.SendAsync(ResumableClient.CancelRequest(runId));
        await model.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var (_, live) = await ChatbotClient.StreamAsync(http, new HttpRequestMessage(HttpMethod.Get, $"{ChatbotRoutes.AskStream}/{runId}?after=0"));
        var again = await http.SendAsync(ResumableClient.CancelRequest(runId));

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var end = live[^1];
        Assert.Equal((StreamEventTypes.Error, StreamErrorCodes.Cancelled), (end.Type, end.Text(StreamEventFields.Code)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var turns = await http.GetFromJsonAsync<ConversationResponse>($"/api/v1/chatbot/conversations/{conversationId}");
        var answer = turns!.Turns[1];
        Assert.True(answer.Incomplete);
        Assert.Equal(ChatbotClient.Answer(live), answer.Content);
        response.Dispose();
    }

    [Fact]
    public async Task A_resumable_run_outlives_its_client_and_is_remembered_whole()
    {
        var model = new RecordingChatClient(tokenDelayMs: 20);
        await using var factory = CreateFactory().WithModel(model);
        using var http = factory.CreateClient();

        var (runId, first, _) = await ResumableClient.ReadThenDropAsync(http, ResumableClient.AskRequest(Question), count: 3);
        var (_, rest) = await ResumableClient.ResumeAsync(http, runId, 3);

        Assert.False(model.Cancelled.Task.IsCompleted, "the model call was cancelled when the client left");
        Assert.Equal(StreamEventTypes.Complete, rest[^1].Type);
        var conversationId = first[0].Text(StreamEventFields.ConversationId);
        var turns = await http.GetFromJsonAsync<ConversationResponse>($"/api/v1/chatbot/conversations/{conversationId}");
        var answer = turns!.Turns[1];
        Assert.False(answer.Incomplete);
        Assert.Equal(ChatbotClient.Answer([.. first, .. rest]), answer.Content);
    }

    [Fact]
    public async Task A_client_that_did_not_opt_in_still_cancels_on_disconnect_and_cannot_resume()
    {
        var model = new RecordingChatClient(tokenDelayMs: 50) { HoldAfterFirstToken = true };
        await using var factory = CreateFactory().WithModel(model);
        using var http = factory.CreateClient();

        var (runId, read, response) = await ResumableClient.ReadThenDropAsync(http, ChatbotClient.AskRequest(Question), count: 2);
        // A run that ended before its first token has no model call left to cancel: say so, not time out.
        Assert.True(read is [_, { Type: StreamEventTypes.Token }],
            $"Read {string.Join(" | ", read.Select(e => e.RawData))}. Server log:\n{factory.Logs.All}");
        await factory.Logs.WaitAsync(model.Cancelled.Task, TimeSpan.FromSeconds(30), "the model call to be cancelled");
        var resume = await http.SendAsync(ResumableClient.ResumeRequest(runId, 2));

        Assert.False(response.Headers.Contains(StreamHeaders.ResumableRun));
        Assert.Equal(HttpStatusCode.NoContent, resume.StatusCode);
    }

    [Fact]
    public async Task Hanging_up_does_not_let_a_user_keep_more_answers_running_than_the_open_stream_limit()
    {
        // A user of this test alone: with Redis the limit outlives the API instance, as it does a replica.
        (string, string) user = CallerHeaders.User($"hanging-up-{Guid.NewGuid():N}");
        await using var factory = CreateFactory(tokenDelayMs: 30).With("Chatbot:RateLimits:ConcurrentStreamsPerUser", "1");
        using var http = factory.CreateClient();
        var (runId, _, _) = await ResumableClient.ReadThenDropAsync(http, ResumableClient.AskRequest(Question, null, user), count: 2);

        var refused = await http.SendAsync(ResumableClient.AskRequest(Question, null, user));
        await http.SendAsync(ResumableClient.CancelRequest(runId, user));
        var admittedAfterTheEnd = await Eventually.HoldsAsync(async () =>
        {
            using var response = await http.SendAsync(ResumableClient.AskRequest(Question, null, user), HttpCompletionOption.ResponseHeadersRead);
            return response.IsSuccessStatusCode;
        });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.True(admittedAfterTheEnd);
    }
}
