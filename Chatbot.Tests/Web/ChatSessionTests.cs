using Chatbot.Contracts.Identity;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;
using Chatbot.Tests.Web.Support;
using Chatbot.Web.Api;
using Chatbot.Web.Chat;
using Chatbot.Web.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chatbot.Tests.Web;

/// <summary>The chat's state and actions without a page: what a user does, and what reaches the API.</summary>
public sealed class ChatSessionTests
{
    private readonly ScriptedApi _api = new();
    private readonly ChatSession _session;
    private readonly List<string?> _runsInUrl = [];

    public ChatSessionTests()
    {
        _session = new ChatSession(new ChatbotApiClient(_api.CreateClient()), new ChatStreamClient(_api.CreateClient()), UserIdentity.Anonymous, NullLogger.Instance);
        _session.LocationChanged += () => _runsInUrl.Add(_session.RunInProgress);
    }

    [Fact]
    public async Task Asking_streams_the_answer_and_puts_the_run_in_the_url_while_it_answers()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 3) + Sse.Complete(4), BodyEnding.Ends));

        await _session.SendAsync("What is CAPEX?");

        Assert.Equal([(ChatRole.User, "What is CAPEX?"), (ChatRole.Assistant, "t2 t3 ")], _session.Messages.Select(message => (message.Role, message.Text)));
        Assert.False(_session.Messages[1].Incomplete);
        Assert.Equal([null, Sse.RunId, null], _runsInUrl);
        Assert.False(_session.IsStreaming);
        Assert.Null(_session.Error);
    }

    [Theory]
    [InlineData(false, "1")]
    [InlineData(true, "2")]
    public async Task Asks_for_a_resumable_stream_and_names_the_level_so_the_servers_default_does_not_decide(bool showReasoning, string level)
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Complete(2), BodyEnding.Ends));
        _session.ShowReasoning = showReasoning;

        await _session.SendAsync("What is CAPEX?");

        var ask = Assert.Single(_api.StreamRequests);
        Assert.Equal(("true", level), (ask.Header(StreamHeaders.Resumable), ask.Header(StreamHeaders.Level)));
    }

    [Fact]
    public async Task A_broken_answer_is_resumed_as_the_same_user()
    {
        var userId = IdentityHeaders.Name(IdentityHeaders.UserId);
        using var session = new ChatSession(
            new ChatbotApiClient(_api.CreateClient()), new ChatStreamClient(_api.CreateClient()), new UserIdentity(new() { [userId] = "ada" }), NullLogger.Instance);
        _api.Then(() => Sse.Stream(Sse.Start(1), BodyEnding.Breaks))
            .Then(() => Sse.Stream(Sse.Complete(2), BodyEnding.Ends));

        await session.SendAsync("What is CAPEX?");

        Assert.Null(session.Error);
        Assert.Equal(["ada", "ada"], _api.StreamRequests.Select(request => request.Header(userId)));
        Assert.Equal("1", _api.StreamRequests.Last().Header(StreamHeaders.LastEventId));
    }

    [Fact]
    public async Task A_failed_answer_shows_the_error_and_retry_cancels_its_run_and_asks_again()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2), BodyEnding.Breaks, resumable: false))
            .Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2) + Sse.Complete(3), BodyEnding.Ends));
        await _session.SendAsync("What is CAPEX?");
        Assert.NotNull(_session.Error);

        await _session.RetryAsync();

        Assert.Equal(2, _session.Messages.Count);
        Assert.Null(_session.Error);
        Assert.Contains(_api.Sent, request => request.Path.EndsWith($"/ask_stream/{Sse.RunId}/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_cancels_the_run_in_the_api_and_keeps_what_arrived_as_incomplete()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2), BodyEnding.Hangs));
        var arrived = new TaskCompletionSource();
        _session.Changed += _ => { if (_session.Messages.LastOrDefault()?.Text.Length > 0) arrived.TrySetResult(); };
        var answering = _session.SendAsync("What is CAPEX?");
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await _session.StopAsync();
        await answering;

        Assert.True(_session.Messages[^1].Incomplete);
        Assert.Equal("t2 ", _session.Messages[^1].Text);
        Assert.Contains(_api.Sent, request => request.Path.EndsWith($"/ask_stream/{Sse.RunId}/cancel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_a_conversation_with_a_run_in_progress_resumes_it_from_its_start_with_its_question()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1, "How does a heat pump work?") + Sse.Tokens(2, 3) + Sse.Complete(4), BodyEnding.Ends));
        var done = new TaskCompletionSource();
        _session.LocationChanged += () => { if (_session.RunInProgress is null) done.TrySetResult(); };

        await _session.OpenAsync("c1", Sse.RunId);
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([(ChatRole.User, "How does a heat pump work?"), (ChatRole.Assistant, "t2 t3 ")], _session.Messages.Select(message => (message.Role, message.Text)));
        Assert.Equal("c1", _session.ConversationId);
    }

    [Fact]
    public async Task A_new_chat_forgets_the_old_one_and_gets_a_new_id()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2) + Sse.Complete(3), BodyEnding.Ends));
        await _session.SendAsync("What is CAPEX?");
        var old = _session.ConversationId;

        _session.NewChat();

        Assert.Empty(_session.Messages);
        Assert.NotEqual(old, _session.ConversationId);
        Assert.Null(_session.Error);
    }

    [Fact]
    public async Task Deleting_the_open_conversation_erases_it_in_the_api_and_starts_a_new_chat()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2) + Sse.Complete(3), BodyEnding.Ends));
        await _session.SendAsync("What is CAPEX?");
        var deleted = _session.ConversationId;

        Assert.True(await _session.DeleteConversationAsync(deleted));

        Assert.Contains(_api.Sent, request => request.Method == HttpMethod.Delete && request.Path.EndsWith($"/conversations/{deleted}", StringComparison.Ordinal));
        Assert.Empty(_session.Messages);
        Assert.NotEqual(deleted, _session.ConversationId);
    }
}
