using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Chatbot.Tests.Browser;

/// <summary>
/// An answer survives a network drop between the web server and the API: the page says it is
/// reconnecting, and the answer completes once, as if nothing happened.
/// </summary>
[Collection(FaultyNetworkStackCollection.Name)]
public sealed class ResumableStreamTests(FaultyNetworkStackFixture stack)
{
    private const string Question = "Explain solar energy and battery storage";
    private static readonly LocatorAssertionsToHaveCountOptions AnswerTimeout = new() { Timeout = 90_000 };

    [Fact]
    public async Task A_dropped_connection_shows_reconnecting_and_the_answer_completes_once_as_if_uninterrupted()
    {
        var uninterrupted = await AnswerWithoutFaultsAsync();
        var page = await stack.OpenChatAsync();
        await ChatPageTests.Ask(page, Question);
        var answer = page.Locator("article.assistant .assistant-text").Last;
        await WaitForTextAsync(answer, minimumLength: 40);

        stack.Proxy.CutAll(refuseNewFor: TimeSpan.FromSeconds(1.5));

        await Assertions.Expect(page.Locator("article.assistant[data-streaming=true] .reconnecting[role=status]")).ToHaveTextAsync("Reconnecting…");
        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]")).ToHaveCountAsync(1, AnswerTimeout);
        await Assertions.Expect(page.Locator(".reconnecting")).ToHaveCountAsync(0);
        Assert.Equal(uninterrupted, await answer.InnerTextAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".incomplete-note")).ToHaveCountAsync(0);
        Assert.Equal(["completed"], RunLog.Outcomes(stack.Api.Output, RunLog.ConversationIdOf(page.Url)));
    }

    [Fact]
    public async Task Reloading_the_page_mid_answer_picks_the_same_answer_up_and_finishes_it_once()
    {
        var uninterrupted = await AnswerWithoutFaultsAsync();
        var page = await stack.OpenChatAsync();
        await ChatPageTests.Ask(page, Question);
        await WaitForTextAsync(page.Locator("article.assistant .assistant-text").Last, minimumLength: 40);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/c/[0-9a-f]{32}\?run=[0-9a-f]{32}$"));
        var conversationId = RunLog.ConversationIdOf(page.Url.Split('?')[0]);

        await page.ReloadAsync();
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();
        var finishedBeforeTheReload = RunLog.Outcomes(stack.Api.Output, conversationId).Count > 0;

        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]")).ToHaveCountAsync(1, AnswerTimeout);
        Assert.False(finishedBeforeTheReload, "The answer ended before the page came back: nothing was left to resume.");
        Assert.Equal(Question, await page.Locator("article.user .user-text").InnerTextAsync());
        Assert.Equal(uninterrupted, await page.Locator("article.assistant .assistant-text").InnerTextAsync());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/c/{conversationId}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        Assert.Equal(["completed"], RunLog.Outcomes(stack.Api.Output, conversationId));
    }

    /// <summary>The same question's answer in a fresh conversation, with the network left alone.</summary>
    private async Task<string> AnswerWithoutFaultsAsync()
    {
        var page = await stack.OpenChatAsync();
        await ChatPageTests.Ask(page, Question);
        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]")).ToHaveCountAsync(1, AnswerTimeout);
        var text = await page.Locator("article.assistant .assistant-text").Last.InnerTextAsync();
        Assert.Contains("offline model", text);
        await page.Context.CloseAsync();
        return text;
    }

    private static async Task WaitForTextAsync(ILocator locator, int minimumLength)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((await locator.InnerTextAsync()).Length < minimumLength)
        {
            Assert.True(DateTime.UtcNow < deadline, "The answer did not start in time.");
            await Task.Delay(50);
        }
    }
}
