using System.Net;
using System.Net.Sockets;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;
using Chatbot.Tests.Web.Support;

namespace Chatbot.Tests.Streams;

/// <summary>
/// The answer stream's client against a scripted API: resuming a broken run's stream. Its
/// waits and budget run on a virtual clock, so what it waited is read off the clock, not timed.
/// </summary>
public sealed class ChatStreamClientTests
{
    private static readonly ResumePolicy Fast = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(40), TimeSpan.FromSeconds(1));

    /// <summary>Fails a test whose read hangs; never a measure of what it waited.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);
    private static readonly StreamCallOptions AsAda = new() { Prepare = request => request.Headers.Add(IdentityHeaders.Name(IdentityHeaders.UserId), "ada") };

    private readonly ScriptedApi _api = new();
    private VirtualClock _clock = new();

    [Fact]
    public async Task Asks_for_a_resumable_stream_by_default()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Complete(2), BodyEnding.Ends));

        await ReadAsync();

        var ask = Assert.Single(_api.StreamRequests);
        Assert.Equal(HttpMethod.Post, ask.Method);
        Assert.Equal("true", ask.Header(StreamHeaders.Stream));
        Assert.Equal("true", ask.Header(StreamHeaders.Resumable));
        Assert.Null(ask.Header(StreamHeaders.Level));
    }

    [Fact]
    public async Task A_cut_stream_resumes_after_the_last_event_as_the_same_user_and_drops_the_replayed_events()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 4), BodyEnding.Breaks))
            .Then(() => Sse.Stream(Sse.Tokens(3, 6) + Sse.Complete(7), BodyEnding.Ends));

        var events = await ReadAsync();

        Assert.Equal("start t2 t3 t4 reconnecting t5 t6 complete", Describe(events));
        var resume = _api.StreamRequests.Last();
        Assert.Equal(HttpMethod.Get, resume.Method);
        Assert.Equal($"{ChatbotRoutes.Prefix}/ask_stream/{Sse.RunId}", resume.Path);
        Assert.Equal("4", resume.Header(StreamHeaders.LastEventId));
        Assert.Equal("ada", resume.Header(IdentityHeaders.Name(IdentityHeaders.UserId)));
    }

    [Fact]
    public async Task A_body_that_ends_without_a_terminal_event_is_resumed()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 3), BodyEnding.Ends))
            .Then(() => Sse.Stream(Sse.Complete(4), BodyEnding.Ends));

        Assert.Equal("start t2 t3 reconnecting complete", Describe(await ReadAsync()));
    }

    [Fact]
    public async Task Refused_connections_and_server_errors_are_retried_with_doubling_delays_in_one_outage()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks))
            .ThenRefuse()
            .Then(() => Sse.Problem(HttpStatusCode.ServiceUnavailable, "Draining."))
            .Then(() => Sse.Stream(Sse.Tokens(2, 2) + Sse.Complete(3), BodyEnding.Ends));

        var events = await ReadAsync(new ResumePolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)));

        Assert.Equal("start reconnecting t2 complete", Describe(events));
        Assert.Equal(4, _api.StreamRequests.Count());
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], _clock.Waits);
    }

    public static TheoryData<Exception> ConnectionFailures() =>
    [
        new HttpRequestException("Connection refused."),
        new SocketException((int)SocketError.NotConnected),
        new IOException("Connection reset by peer."),
    ];

    [Theory]
    [MemberData(nameof(ConnectionFailures))]
    public async Task Every_kind_of_connection_failure_while_resuming_is_retried(Exception failure)
    {
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks))
            .ThenThrow(failure)
            .Then(() => Sse.Stream(Sse.Complete(2), BodyEnding.Ends));

        Assert.Equal("start reconnecting complete", Describe(await ReadAsync()));
    }

    [Fact]
    public async Task A_run_the_api_no_longer_has_cannot_be_resumed()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks))
            .Then(() => new HttpResponseMessage(HttpStatusCode.NoContent));

        var failure = await Assert.ThrowsAsync<ChatStreamException>(() => ReadAsync());

        Assert.Equal((StreamFailure.NotResumable, "The answer could not be resumed; please ask again."), (failure.Failure, failure.Message));
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Gone)]
    public async Task A_refused_resume_shows_the_problems_detail_without_retrying(HttpStatusCode status)
    {
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks))
            .Then(() => Sse.Problem(status, $"Refused with {(int)status}."));

        var failure = await Assert.ThrowsAsync<ChatStreamException>(() => ReadAsync());

        Assert.Equal((StreamFailure.Refused, status, $"Refused with {(int)status}."), (failure.Failure, failure.StatusCode, failure.Message));
        Assert.Equal(2, _api.StreamRequests.Count());
    }

    [Fact]
    public async Task Gives_up_when_the_outage_outlasts_its_budget()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks));
        RefuseForever();

        var failure = await Assert.ThrowsAsync<ChatStreamException>(() => ReadAsync());

        Assert.Equal((StreamFailure.Lost, "The connection to the assistant was lost."), (failure.Failure, failure.Message));
        Assert.Equal(Fast.Budget, _clock.Elapsed);
        Assert.True(_api.StreamRequests.Count() > 2, "It gave up without retrying.");
    }

    [Fact]
    public async Task A_resumed_stream_that_breaks_again_before_any_event_is_the_same_outage_and_is_not_hammered()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks));
        for (var i = 0; i < 1000; i++)
        {
            _api.Then(() => Sse.Stream("", BodyEnding.Breaks));
        }
        var policy = new ResumePolicy(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1));

        var events = new List<ChatStreamEvent>();
        var failure = await Assert.ThrowsAsync<ChatStreamException>(() => ReadIntoAsync(events, policy));

        Assert.Equal(StreamFailure.Lost, failure.Failure);
        Assert.Equal("start reconnecting", Describe(events));
        // One outage: its budget counts from the first break, whatever the empty resumes answered.
        Assert.Equal(policy.Budget, _clock.Elapsed);
        // Not hammered: a pause before every resume but the first, and before the last try, which
        // found the budget spent.
        var resumes = _api.StreamRequests.Count() - 1;
        Assert.Equal(Enumerable.Repeat(policy.FirstDelay, resumes), _clock.Waits);
    }

    [Fact]
    public async Task Each_outage_after_events_flowed_again_is_announced_once()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks))
            .ThenRefuse()
            .Then(() => Sse.Stream(Sse.Tokens(2, 2), BodyEnding.Breaks))
            .Then(() => Sse.Stream(Sse.Complete(3), BodyEnding.Ends));

        Assert.Equal("start reconnecting t2 reconnecting complete", Describe(await ReadAsync()));
    }

    [Fact]
    public async Task Cancelling_stops_at_once_while_reconnecting()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks));
        RefuseForever();
        // Frozen: the backoff never ends, so only the cancel can end the read.
        _clock = new VirtualClock { Frozen = true };
        using var cancel = new CancellationTokenSource();
        var events = new List<ChatStreamEvent>();

        var reading = ReadIntoAsync(events, Fast, cancel.Token);
        await _clock.FirstWait.WaitAsync(HangGuard);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(HangGuard));
        Assert.Equal(TimeSpan.Zero, _clock.Elapsed);
        Assert.Equal("start reconnecting", Describe(events));
    }

    [Fact]
    public async Task A_stream_the_api_does_not_journal_fails_as_before_without_resuming()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2), BodyEnding.Breaks, resumable: false));
        var events = new List<ChatStreamEvent>();

        await Assert.ThrowsAsync<IOException>(() => ReadIntoAsync(events, Fast));

        Assert.Equal("start t2", Describe(events));
        Assert.Single(_api.StreamRequests);
    }

    private void RefuseForever()
    {
        for (var i = 0; i < 1000; i++)
        {
            _api.ThenRefuse();
        }
    }

    private async Task<List<ChatStreamEvent>> ReadAsync(ResumePolicy? policy = null)
    {
        var events = new List<ChatStreamEvent>();
        await ReadIntoAsync(events, policy ?? Fast);
        return events;
    }

    private async Task ReadIntoAsync(List<ChatStreamEvent> events, ResumePolicy policy, CancellationToken cancellationToken = default)
    {
        var client = new ChatStreamClient(_api.CreateClient(), policy, _clock);
        await foreach (var streamEvent in client.AskAsync(new AskStreamRequest("What is CAPEX?", "c1"), AsAda, cancellationToken))
        {
            events.Add(streamEvent);
        }
    }

    /// <summary>"start t2 reconnecting complete": event types, with tokens as their text.</summary>
    private static string Describe(IEnumerable<ChatStreamEvent> events) =>
        string.Join(" ", events.Select(streamEvent => streamEvent.Type == StreamEventTypes.Token ? streamEvent.Field(StreamEventFields.Content)!.Trim() : streamEvent.Type));
}
