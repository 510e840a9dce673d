using System.Net;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Memory.Support;
using Chatbot.Tests.Runs.Support;
using Chatbot.Tests.Streams.Support;
using Chatbot.Tests.Web.Support;

namespace Chatbot.Tests.Streams;

/// <summary>
/// The one stream client against the real API, its runs journaled in a real redis-server: a
/// connection cut mid-answer is resumed with <c>Last-Event-ID</c> and every event arrives once;
/// an outage that outlasts the budget ends in a clear error; the API's refusals are surfaced;
/// cancelling stops the read, and the cancel route stops the run.
/// </summary>
public sealed class ChatStreamClientApiTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const string Question = "Explain how the prewarm endpoint works and why streaming matters";

    /// <summary>Fails a test whose read hangs; never a measure of what it waited.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Connections_cut_twice_mid_answer_are_resumed_after_the_last_event_with_every_event_once()
    {
        await using var factory = Api(tokenDelayMs: 20);
        var connection = new FlakyConnection();
        using var http = factory.CreateDefaultClient(connection);
        using var direct = factory.CreateClient();
        var (_, uninterrupted) = await ChatbotClient.StreamAsync(direct, ResumableClient.AskRequest(Question));

        var events = await ReadAllAsync(new ChatStreamClient(http), new StreamCallOptions { Observer = new CutAfter(connection, 4, 9) });

        var answer = events.Where(e => e.Type != ChatStreamEvent.ReconnectingType).ToList();
        Assert.Equal(Enumerable.Range(1, answer.Count).Select(i => (long)i), answer.Select(e => e.Sequence));
        Assert.Equal(uninterrupted.Select(ResumableClient.Comparable), answer.Select(SseEvent.From).Select(ResumableClient.Comparable));
        Assert.Equal(2, events.Count(e => e.Type == ChatStreamEvent.ReconnectingType));
        // Each resume asked for exactly what followed the last event the caller had before the cut.
        var lastBeforeEachCut = events.Zip(events.Skip(1)).Where(pair => pair.Second.Type == ChatStreamEvent.ReconnectingType).Select(pair => pair.First.Sequence.ToString());
        Assert.Equal(lastBeforeEachCut, connection.Resumes.Select(resume => resume.LastEventId));
        Assert.All(connection.Resumes, resume => Assert.Equal($"/api/v1/chatbot/ask_stream/{events[0].Field(StreamEventFields.RunId)}", resume.Path));
    }

    [Fact]
    public async Task An_outage_longer_than_the_budget_ends_in_a_clear_error_after_doubling_waits()
    {
        await using var factory = Api(tokenDelayMs: 15);
        var connection = new FlakyConnection();
        using var http = factory.CreateDefaultClient(connection);
        var clock = new VirtualClock();
        var policy = new ResumePolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(2));
        var cut = new CutAfter(connection, 3) { OnCut = () => connection.RefuseResumes = true };
        var events = new List<ChatStreamEvent>();

        var failure = await Assert.ThrowsAsync<ChatStreamException>(
            () => ReadIntoAsync(events, new ChatStreamClient(http, policy, clock), new StreamCallOptions { Observer = cut }));

        Assert.Equal((StreamFailure.Lost, "The connection to the assistant was lost."), (failure.Failure, failure.Message));
        Assert.Equal(ChatStreamEvent.ReconnectingType, events[^1].Type);
        Assert.DoesNotContain(events, e => e.IsTerminal);
        // 100, 200, then 400 ms (the cap) until the 2 s budget ran out during a wait.
        Assert.Equal([100, 200, 400, 400, 400, 400, 400], clock.Waits.Select(wait => wait.TotalMilliseconds));
        Assert.Equal(policy.Budget, clock.Elapsed);
        Assert.Equal(clock.Waits.Count, connection.Resumes.Count());
    }

    [Fact]
    public async Task Another_users_run_is_refused_with_the_apis_problem_and_an_unknown_run_cannot_be_resumed()
    {
        await using var factory = Api();
        var client = new ChatStreamClient(factory.CreateClient());
        var events = await ReadAllAsync(client, StreamCallOptions.None);
        var runId = events[0].Field(StreamEventFields.RunId)!;
        var (userHeader, mallory) = CallerHeaders.User("mallory");
        var asMallory = new StreamCallOptions { Prepare = request => request.Headers.Add(userHeader, mallory) };

        var refused = await Assert.ThrowsAsync<ChatStreamException>(() => client.ResumeAsync(runId, 0, asMallory).ToListAsync().AsTask());
        var unknown = await Assert.ThrowsAsync<ChatStreamException>(() => client.ResumeAsync(Guid.NewGuid().ToString("N")).ToListAsync().AsTask());
        var replayed = await client.ResumeAsync(runId, after: 2).ToListAsync();

        Assert.Equal((StreamFailure.Refused, HttpStatusCode.NotFound, "No run with this id belongs to you."), (refused.Failure, refused.StatusCode, refused.Message));
        Assert.Equal((StreamFailure.NotResumable, "The answer could not be resumed; please ask again."), (unknown.Failure, unknown.Message));
        Assert.Equal(events.Skip(2).Select(e => e.RawData), replayed.Select(e => e.RawData));
    }

    [Fact]
    public async Task Cancelling_stops_reading_a_live_answer_at_once()
    {
        var model = new RecordingChatClient(tokenDelayMs: 10) { HoldAfterFirstToken = true };
        await using var factory = Api().WithModel(model);
        var client = new ChatStreamClient(factory.CreateClient());
        using var cancel = new CancellationTokenSource();
        await using var events = client.AskAsync(new AskStreamRequest(Question), cancellationToken: cancel.Token).GetAsyncEnumerator();
        await ReadToFirstTokenAsync(events);

        // The model holds its answer after the first token: only the cancel can end this read.
        var next = events.MoveNextAsync().AsTask();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(HangGuard));
    }

    [Fact]
    public async Task The_cancel_route_stops_the_run_and_its_stream_ends_with_a_cancelled_error()
    {
        var model = new RecordingChatClient(tokenDelayMs: 10) { HoldAfterFirstToken = true };
        await using var factory = Api().WithModel(model);
        var client = new ChatStreamClient(factory.CreateClient());
        await using var events = client.AskAsync(new AskStreamRequest(Question)).GetAsyncEnumerator();
        var runId = (await ReadToFirstTokenAsync(events)).Field(StreamEventFields.RunId)!;

        var stopped = await client.CancelRunAsync(runId);
        var rest = new List<ChatStreamEvent>();
        while (await events.MoveNextAsync().AsTask().WaitAsync(HangGuard))
        {
            rest.Add(events.Current);
        }
        var stoppedAgain = await client.CancelRunAsync(runId);

        Assert.True(stopped);
        Assert.False(stoppedAgain);
        Assert.Equal((StreamEventTypes.Error, StreamErrorCodes.Cancelled), (rest[^1].Type, rest[^1].Field(StreamEventFields.Code)));
        Assert.True(model.Cancelled.Task.IsCompleted, "the model call was not cancelled");
    }

    private ApiFactory Api(int tokenDelayMs = 0) => new ApiFactory()
        .With("ConnectionStrings:redis", redis.ConnectionString)
        .With("Chatbot:Llm:Offline:TokenDelayMs", tokenDelayMs.ToString());

    private static async Task<List<ChatStreamEvent>> ReadAllAsync(ChatStreamClient client, StreamCallOptions options)
    {
        var events = new List<ChatStreamEvent>();
        await ReadIntoAsync(events, client, options).WaitAsync(HangGuard);
        return events;
    }

    private static async Task ReadIntoAsync(List<ChatStreamEvent> events, ChatStreamClient client, StreamCallOptions options)
    {
        await foreach (var streamEvent in client.AskAsync(new AskStreamRequest(Question), options))
        {
            events.Add(streamEvent);
        }
    }

    /// <summary>Reads up to the answer's first token; returns the start event.</summary>
    private static async Task<ChatStreamEvent> ReadToFirstTokenAsync(IAsyncEnumerator<ChatStreamEvent> events)
    {
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(HangGuard));
        var start = events.Current;
        Assert.Equal(StreamEventTypes.Start, start.Type);
        while (await events.MoveNextAsync().AsTask().WaitAsync(HangGuard) && events.Current.Type != StreamEventTypes.Token)
        {
        }
        return start;
    }
}
