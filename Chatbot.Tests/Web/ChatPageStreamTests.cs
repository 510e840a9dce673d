using System.Net.Sockets;
using Bunit;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;
using Chatbot.Tests.Web.Support;
using Chatbot.Web.Api;
using Chatbot.Web.Components.Pages.Chat;
using Chatbot.Web.Markdown;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Web;

/// <summary>The chat page against a scripted API: reconnecting, Stop and a cancelled run.</summary>
public sealed class ChatPageStreamTests : BunitContext
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly ScriptedApi _api = new();

    public ChatPageStreamTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<MarkdownRenderer>();
        Services.AddSingleton(new ChatbotApiClient(_api.CreateClient()));
        Services.AddSingleton(new ChatStreamClient(_api.CreateClient()));
    }

    [Fact]
    public async Task A_broken_stream_shows_reconnecting_until_events_flow_again_and_the_answer_has_no_repeats()
    {
        var resumed = new TaskCompletionSource();
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 3), BodyEnding.Breaks))
            .Then(async _ =>
            {
                await resumed.Task;
                return Sse.Stream(Sse.Tokens(2, 5) + Sse.Complete(6), BodyEnding.Ends);
            });
        var page = Render<Chat>();

        var answering = AskAsync(page);

        page.WaitForAssertion(() => Assert.Equal("Reconnecting…", page.Find("article.assistant .reconnecting[role=status]").TextContent), Wait);
        resumed.SetResult();
        page.WaitForAssertion(() => Assert.Equal("t2 t3 t4 t5", page.Find("article.assistant[data-streaming=false] .assistant-text").TextContent.Trim()), Wait);
        Assert.Empty(page.FindAll(".reconnecting"));
        Assert.Empty(page.FindAll("[role=alert]"));
        Assert.Empty(page.FindAll(".incomplete-note"));
        await answering;
    }

    [Fact]
    public async Task Stop_cancels_the_run_in_the_api_then_stops_reading()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 3), BodyEnding.Hangs));
        var page = Render<Chat>();
        var answering = AskAsync(page);
        page.WaitForAssertion(() => Assert.Contains("t3", page.Find("article.assistant .assistant-text").TextContent), Wait);

        await page.Find("button.stop").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("article.assistant[data-streaming=false] .incomplete-note")), Wait);
        Assert.Contains(_api.Sent, request => request.Method == HttpMethod.Post && request.Path == $"{ChatbotRoutes.Prefix}/ask_stream/{Sse.RunId}/cancel");
        Assert.Empty(page.FindAll("[role=alert]"));
        Assert.NotNull(page.Find("button.send"));
        await answering;
    }

    [Fact]
    public async Task Stop_stops_reading_even_when_the_api_does_not_answer_the_cancel()
    {
        _api.HoldsCancels = true;
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2), BodyEnding.Hangs));
        var page = Render<Chat>();
        var answering = AskAsync(page);
        page.WaitForAssertion(() => Assert.Contains("t2", page.Find("article.assistant .assistant-text").TextContent), Wait);

        await page.Find("button.stop").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("article.assistant[data-streaming=false] .incomplete-note")), Wait);
        Assert.Empty(page.FindAll("[role=alert]"));
        await answering;
    }

    [Fact]
    public async Task New_chat_cancels_the_streaming_run_and_clears_the_page_at_once()
    {
        _api.HoldsCancels = true;
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2), BodyEnding.Hangs));
        var page = Render<Chat>();
        var answering = AskAsync(page);
        page.WaitForAssertion(() => Assert.Contains("t2", page.Find("article.assistant .assistant-text").TextContent), Wait);

        await page.Find("button.new-chat").ClickAsync(new MouseEventArgs());
        var cancelsEndedWhenCleared = _api.CancelsEnded;

        // The cancel is never answered, so a click that waited for it would return only once the
        // front end gave up on it.
        Assert.Equal(0, cancelsEndedWhenCleared);
        Assert.Empty(page.FindAll("article"));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("button.send")), Wait);
        page.WaitForAssertion(() => Assert.Contains(_api.Sent, request => request.Path == $"{ChatbotRoutes.Prefix}/ask_stream/{Sse.RunId}/cancel"), Wait);
        await answering;
    }

    [Fact]
    public async Task A_run_cancelled_elsewhere_shows_as_stopped_not_as_an_error()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2) + Sse.Error(3, StreamErrorCodes.Cancelled, "The answer was stopped."), BodyEnding.Ends));
        var page = Render<Chat>();

        await AskAsync(page);

        page.WaitForAssertion(() => Assert.NotNull(page.Find("article.assistant[data-streaming=false] .incomplete-note")), Wait);
        Assert.Empty(page.FindAll("[role=alert]"));
        Assert.Equal("t2", page.Find("article.assistant .assistant-text").TextContent.Trim());
    }

    [Fact]
    public async Task A_connection_reset_while_asking_is_reported_as_lost_and_the_page_keeps_working()
    {
        _api.ThenThrow(new SocketException((int)SocketError.NotConnected));
        var page = Render<Chat>();

        await AskAsync(page);

        Assert.Contains("lost", page.Find("[role=alert]").TextContent);
        Assert.NotNull(page.Find("[role=alert] button.retry"));
    }

    [Fact]
    public async Task Retry_after_a_lost_answer_cancels_that_answer_s_run_before_asking_again()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 2), BodyEnding.Breaks, resumable: false))
            .Then(() => Sse.Stream(Sse.Start(1) + Sse.Tokens(2, 3) + Sse.Complete(4), BodyEnding.Ends));
        var page = Render<Chat>();
        await AskAsync(page);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[role=alert] button.retry")), Wait);

        await page.Find("[role=alert] button.retry").ClickAsync(new MouseEventArgs());

        page.WaitForAssertion(() => Assert.Equal("t2 t3", page.Find("article.assistant[data-streaming=false] .assistant-text").TextContent.Trim()), Wait);
        Assert.Contains(_api.Sent, request => request.Method == HttpMethod.Post && request.Path == $"{ChatbotRoutes.Prefix}/ask_stream/{Sse.RunId}/cancel");
    }

    [Fact]
    public void A_page_opened_on_a_run_in_progress_resumes_it_from_its_start_question_and_all()
    {
        _api.Then(() => Sse.Stream(Sse.Start(1, "How does a heat pump work?") + Sse.Tokens(2, 3) + Sse.Complete(4), BodyEnding.Ends));

        var page = OpenOnRun("c1", Sse.RunId);

        page.WaitForAssertion(() => Assert.Equal("t2 t3", page.Find("article.assistant[data-streaming=false] .assistant-text").TextContent.Trim()), Wait);
        Assert.Equal("How does a heat pump work?", page.Find("article.user .user-text").TextContent);
        var resume = Assert.Single(_api.StreamRequests);
        Assert.Equal((HttpMethod.Get, $"{ChatbotRoutes.Prefix}/ask_stream/{Sse.RunId}", "0"), (resume.Method, resume.Path, resume.Header(StreamHeaders.LastEventId)));
        Assert.Empty(page.FindAll("[role=alert]"));
    }

    [Fact]
    public void A_run_in_the_url_that_cannot_be_resumed_leaves_the_page_as_its_history_shows_it()
    {
        _api.Then(() => new HttpResponseMessage(System.Net.HttpStatusCode.NoContent));

        var page = OpenOnRun("c1", Sse.RunId);

        page.WaitForAssertion(() => Assert.Single(_api.StreamRequests), Wait);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("article")), Wait);
        Assert.Empty(page.FindAll("[role=alert]"));
        Assert.NotNull(page.Find("button.send"));
    }

    /// <summary>The page as a reload of <c>/c/{conversationId}?run={runId}</c> renders it.</summary>
    private IRenderedComponent<Chat> OpenOnRun(string conversationId, string runId)
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("run", runId));
        return Render<Chat>(parameters => parameters.Add(chat => chat.ConversationId, conversationId));
    }

    /// <summary>Asks through a suggestion; the task ends when the answer does.</summary>
    private static Task AskAsync(IRenderedComponent<Chat> page) =>
        page.InvokeAsync(() => page.FindComponent<ChatSuggestions>().Instance.OnSelected.InvokeAsync("What is CAPEX?"));
}
