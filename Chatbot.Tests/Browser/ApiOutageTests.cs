using Microsoft.Playwright;

namespace Chatbot.Tests.Browser;

/// <summary>When the API is down the page says so, and Retry works once it is back.</summary>
[Collection(WebStackCollection.Name)]
public sealed class ApiOutageTests(WebStackFixture stack)
{
    [Fact]
    public async Task An_answer_that_fails_because_the_api_is_down_can_be_retried()
    {
        var page = await stack.OpenChatAsync();
        await Assertions.Expect(page.Locator("[data-readiness=ready]")).ToBeVisibleAsync();

        await stack.StopApiAsync();
        try
        {
            await ChatPageTests.Ask(page, "What is a feed-in tariff?");
            var alert = page.GetByRole(AriaRole.Alert);
            await Assertions.Expect(alert).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(alert).ToContainTextAsync("lost");
        }
        finally
        {
            await stack.RestartApiAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]").Last)
            .ToContainTextAsync("feed-in tariff", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("article.user")).ToHaveCountAsync(1);
    }
}
