using Microsoft.Playwright;

namespace Chatbot.Tests.Browser;

/// <summary>The page loads clean, fits a phone, and lets the user delete a conversation.</summary>
[Collection(WebStackCollection.Name)]
public sealed class ChatPagePolishTests(WebStackFixture stack)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_page_has_an_icon_that_loads()
    {
        var page = await stack.OpenChatAsync();

        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var response = await page.APIRequest.GetAsync(new Uri(new Uri(stack.Web.BaseUrl), icon).ToString());

        Assert.Equal(200, response.Status);
        Assert.StartsWith("image/", response.Headers["content-type"]);
    }

    [Fact]
    public async Task Opening_the_page_fails_no_request_and_logs_no_error_in_the_console()
    {
        var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = stack.Web.BaseUrl });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text}"); };
        page.Response += (_, response) => { if (response.Status >= 400) problems.Add($"{response.Status} {response.Url}"); };

        await page.GotoAsync("/");
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();
        // Load, not NetworkIdle: when the circuit's WebSocket is slow to open, SignalR falls back to a
        // long-lived HTTP transport and the network never idles (seen once on a loaded machine).
        await page.WaitForLoadStateAsync(LoadState.Load);

        Assert.Empty(problems);
    }

    [Fact]
    public async Task At_375_pixels_nothing_is_wider_than_the_screen()
    {
        var context = await stack.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = stack.Web.BaseUrl, ViewportSize = new() { Width = 375, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();

        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");

        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
    }

    [Fact]
    public async Task A_conversation_is_deleted_from_the_sidebar_only_once_confirmed()
    {
        var page = await stack.OpenChatAsync();
        var question = $"What is OPEX? {Guid.NewGuid():N}";
        await ChatPageTests.Ask(page, question);
        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]")).ToHaveCountAsync(1, new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        var entry = page.Locator(".chat-sidebar li", new() { HasText = question });
        await Assertions.Expect(entry).ToHaveCountAsync(1);

        await entry.GetByRole(AriaRole.Button, new() { Name = "Delete conversation" }).ClickAsync();
        await entry.GetByRole(AriaRole.Button, new() { Name = "Keep" }).ClickAsync();
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await entry.GetByRole(AriaRole.Button, new() { Name = "Delete conversation" }).ClickAsync();
        await entry.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Assertions.Expect(entry).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("article.user")).ToHaveCountAsync(0); // it was the open one: a new chat starts
        await page.ReloadAsync();
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator(".chat-sidebar li", new() { HasText = question })).ToHaveCountAsync(0);
    }
}
