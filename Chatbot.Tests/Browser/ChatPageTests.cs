using Chatbot.ApiService.Llm.Offline;
using Microsoft.Playwright;

namespace Chatbot.Tests.Browser;

/// <summary>The chat UI in a real browser against the real API and web front end.</summary>
[Collection(WebStackCollection.Name)]
public sealed class ChatPageTests(WebStackFixture stack)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Opening_the_page_prewarms_the_api_and_shows_readiness_and_the_offline_label()
    {
        var page = await stack.OpenChatAsync();

        await Assertions.Expect(page.Locator("[data-readiness=ready]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".offline-badge")).ToHaveTextAsync("Offline model");
        Assert.Contains("Prewarm requested", stack.Api.Output);
        await Assertions.Expect(page.Locator("textarea")).ToBeEditableAsync();
    }

    [Fact]
    public async Task An_answer_grows_token_by_token_and_ends_rendered_as_markdown()
    {
        var page = await stack.OpenChatAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "How does CAPEX calculation work?" }).ClickAsync();
        var partials = await CollectPartialAnswersAsync(page);

        Assert.True(partials.Count >= 2, $"Saw {partials.Count} partial renders: {string.Join(" | ", partials)}");
        var answer = page.Locator("article.assistant .assistant-text").Last;
        await Assertions.Expect(answer).ToContainTextAsync("Answered by the offline model");
        Assert.Equal(1, await answer.Locator("em").CountAsync());
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveCountAsync(0);
        Directory.CreateDirectory(ArtifactsDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsDirectory, "chat-answer.png") });
    }

    [Fact]
    public async Task Enter_sends_and_shift_enter_adds_a_line()
    {
        var page = await stack.OpenChatAsync();
        var input = page.Locator("textarea");

        await input.FillAsync("What is OPEX?");
        await input.PressAsync("Shift+Enter");
        await input.PressSequentiallyAsync("Briefly.");
        Assert.Equal("What is OPEX?\nBriefly.", await input.InputValueAsync());
        await input.PressAsync("Enter");

        await Assertions.Expect(page.Locator("article.user").Last).ToContainTextAsync("Briefly.");
        await Assertions.Expect(input).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]").Last).ToContainTextAsync("OPEX", new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        await Assertions.Expect(input).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Stop_ends_the_answer_midway_and_cancels_the_run_in_the_api()
    {
        var page = await stack.OpenChatAsync();

        await Ask(page, "Explain solar energy and battery storage");
        var answer = page.Locator("article.assistant .assistant-text").Last;
        await Assertions.Expect(answer).Not.ToBeEmptyAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop the answer" }).ClickAsync();

        await Assertions.Expect(page.Locator("article.assistant").Last).ToHaveAttributeAsync("data-streaming", "false");
        await Assertions.Expect(page.Locator(".incomplete-note")).ToBeVisibleAsync();
        Assert.DoesNotContain(OfflineAnswerWriter.Signature.Trim('_'), await answer.InnerTextAsync());
        // The run outlives the page's connection (it is resumable): only the cancel endpoint stops it.
        var conversationId = RunLog.ConversationIdOf(page.Url);
        await WaitForAsync(() => RunLog.Outcomes(stack.Api.Output, conversationId).Count > 0);
        Assert.Equal(["cancelled"], RunLog.Outcomes(stack.Api.Output, conversationId));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Send" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Show_reasoning_asks_for_level_two_and_shows_the_tool_timeline()
    {
        var page = await stack.OpenChatAsync();

        await page.GetByLabel("Show reasoning").CheckAsync();
        await Ask(page, "What is the payback of a 120000 EUR investment saving 18000 EUR a year?");

        var timeline = page.Locator("details.reasoning").Last;
        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]")).ToHaveCountAsync(1, new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        await Assertions.Expect(timeline.Locator(".step.agent")).ToHaveCountAsync(2);
        await Assertions.Expect(timeline.Locator(".step.tool")).ToContainTextAsync("calculate_payback");
        await Assertions.Expect(timeline.Locator(".step.tool")).ToContainTextAsync("Payback: 6.7 years");
        await Assertions.Expect(timeline.Locator(".step.thinking").First).ToContainTextAsync("finance specialist");
    }

    [Fact]
    public async Task The_conversation_id_goes_into_the_url()
    {
        var page = await stack.OpenChatAsync();

        await Ask(page, "What is LCOE?");

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/c/[0-9a-f]{32}$"));
    }

    [Fact]
    public async Task After_a_reload_the_conversation_is_in_the_sidebar_and_its_history_is_back()
    {
        var page = await stack.OpenChatAsync();
        var question = $"What is a feed-in tariff? ({Guid.NewGuid():N})";
        await Ask(page, question);
        await Assertions.Expect(page.Locator("article.assistant[data-streaming=false]")).ToHaveCountAsync(1, new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/c/[0-9a-f]{32}$"));
        var conversationUrl = page.Url;

        await page.ReloadAsync();
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();

        var current = page.Locator(".chat-sidebar li.current a");
        await Assertions.Expect(current).ToHaveAttributeAsync("title", question);
        await Assertions.Expect(page.Locator("article.user")).ToHaveTextAsync(question);
        await Assertions.Expect(page.Locator("article.assistant")).ToContainTextAsync("feed-in tariff");

        await page.GetByRole(AriaRole.Button, new() { Name = "+ New chat" }).ClickAsync();
        await Assertions.Expect(page.Locator("article")).ToHaveCountAsync(0);
        await page.Locator($".chat-sidebar a[title='{question}']").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(conversationUrl);
        await Assertions.Expect(page.Locator("article.user")).ToHaveTextAsync(question);
    }

    [Fact]
    public async Task Nothing_in_hostile_markdown_executes_in_the_browser()
    {
        var renderer = new Chatbot.Web.Markdown.MarkdownRenderer();
        var html = renderer.ToHtml(
            "<script>pwned('script')</script>\n\n"
            + "<img src=x onerror=\"pwned('img')\">\n\n"
            + "[click me](javascript:pwned('link')) and [data](data:text/html,<script>pwned('data')</script>)\n\n"
            + "<javascript:pwned('autolink')>");
        var ran = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var context = await stack.Browser.NewContextAsync();
        // Every page of the context has it, a document a link navigates to included.
        await context.ExposeFunctionAsync("pwned", (string what) => ran.Enqueue(what));

        var rendered = await ShowAsync(context, html);
        var links = await rendered.Locator("a").CountAsync();
        for (var i = 0; i < links; i++)
        {
            // Each link on a page of its own, as a link that ran may navigate away from the others.
            await (await ShowAsync(context, html)).Locator("a").Nth(i).ClickAsync();
        }
        foreach (var page in context.Pages)
        {
            await page.WaitForLoadStateAsync();
            // A round trip: whatever the click ran has called back by the time it returns.
            await page.EvaluateAsync("() => document.readyState");
        }

        Assert.Empty(ran);
        Assert.Equal(0, await rendered.Locator("script").CountAsync());
        // What a click cannot show: Chromium opens no data: document from a link; other browsers may.
        Assert.All(await rendered.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('a[href]:not([href=\"\"])'), link => link.protocol)"),
            scheme => Assert.Contains(scheme, (string[])["http:", "https:", "mailto:"]));
    }

    /// <summary>
    /// The rendered HTML on a page of its own. Its links open in a new tab, where Chromium does not
    /// run a javascript: link at all, so a click could not tell whether the filter let it through:
    /// here they open in the page itself.
    /// </summary>
    private static async Task<IPage> ShowAsync(IBrowserContext context, string html)
    {
        var page = await context.NewPageAsync();
        await page.SetContentAsync($"<html><body>{html}</body></html>");
        await page.EvaluateAsync("() => document.querySelectorAll('a[target]').forEach(link => link.removeAttribute('target'))");
        return page;
    }

    internal static string ArtifactsDirectory => Path.Combine(RepoPaths.Root, "artifacts", "screenshots");

    internal static async Task Ask(IPage page, string question)
    {
        await page.Locator("textarea").FillAsync(question);
        await page.Locator("textarea").PressAsync("Enter");
    }

    /// <summary>Samples the streaming bubble until the answer is done; returns the distinct texts seen meanwhile.</summary>
    private static async Task<List<string>> CollectPartialAnswersAsync(IPage page)
    {
        var streaming = page.Locator("article.assistant[data-streaming=true] .assistant-text");
        await streaming.WaitForAsync(new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        var seen = new List<string>();
        var deadline = DateTime.UtcNow + AnswerTimeout;
        while (await streaming.CountAsync() > 0 && DateTime.UtcNow < deadline)
        {
            try
            {
                var text = await streaming.InnerTextAsync(new() { Timeout = 1000 });
                if (text.Length > 0 && (seen.Count == 0 || seen[^1] != text))
                {
                    seen.Add(text);
                }
            }
            catch (TimeoutException)
            {
                // The answer finished between the count and the read.
            }
        }
        return seen;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + AnswerTimeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(100);
        }
    }
}
