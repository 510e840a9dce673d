using Bunit;
using Chatbot.Contracts.Streams;
using Chatbot.Tests.Api.Support;
using Chatbot.Web.Api;
using Chatbot.Web.Components.Pages.Chat;
using Chatbot.Web.Markdown;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Web;

/// <summary>The chat page rendered by bUnit against the real API in memory.</summary>
public sealed class ChatPageTests : BunitContext
{
    private void UseApi(ApiFactory api)
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddSingleton<MarkdownRenderer>();
        Services.AddSingleton(new ChatbotApiClient(api.CreateClient()));
        Services.AddSingleton(new ChatStreamClient(api.CreateClient()));
    }

    [Fact]
    public async Task A_stream_error_shows_a_readable_alert_with_retry_and_keeps_the_partial_answer()
    {
        await using var api = new ApiFactory().WithModel(new RecordingChatClient { FailAfterFirstToken = new InvalidOperationException("internal detail") });
        UseApi(api);
        var page = Render<Chat>();

        await page.InvokeAsync(() => page.FindComponent<ChatSuggestions>().Instance.OnSelected.InvokeAsync("What is CAPEX?"));

        page.WaitForAssertion(() => Assert.Contains("could not finish", page.Find("[role=alert]").TextContent), TimeSpan.FromSeconds(30));
        Assert.DoesNotContain("internal detail", page.Markup);
        Assert.Equal("Retry", page.Find("[role=alert] button.retry").TextContent);
        Assert.Equal("Here", page.Find("article.assistant .assistant-text").TextContent.Trim());
        Assert.NotNull(page.Find(".incomplete-note"));
    }

    [Fact]
    public async Task Suggestions_show_on_an_empty_chat_and_go_once_a_question_is_asked()
    {
        await using var api = new ApiFactory();
        UseApi(api);
        var page = Render<Chat>();
        Assert.Equal(ChatSuggestions.Suggestions.Length, page.FindAll("button.suggestion").Count);

        await page.InvokeAsync(() => page.FindComponent<ChatSuggestions>().Instance.OnSelected.InvokeAsync("What is OPEX?"));

        page.WaitForAssertion(() => Assert.Contains("OPEX", page.Find("article.assistant[data-streaming=false]").TextContent), TimeSpan.FromSeconds(30));
        Assert.Empty(page.FindAll("button.suggestion"));
        Assert.Empty(page.FindAll("[role=alert]"));
    }
}
