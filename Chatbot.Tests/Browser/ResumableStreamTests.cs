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
