using Chatbot.Web.Components.Pages.Chat;
using Microsoft.Playwright;

namespace Chatbot.Tests.Browser;

/// <summary>Thumbs up or down on an answer in a real browser, against the real API and web front end: vote, change, comment, reload, and the keyboard alone.</summary>
[Collection(WebStackCollection.Name)]
public sealed class AnswerFeedbackPageTests(WebStackFixture stack)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_vote_can_be_changed_and_commented_and_a_reload_shows_it()
    {
        var page = await stack.OpenChatAsync();
        var answer = await AskAsync(page, "What is OPEX?");
        var good = answer.GetByRole(AriaRole.Button, new() { Name = "Good answer" });
        var bad = answer.GetByRole(AriaRole.Button, new() { Name = "Bad answer" });
        await Assertions.Expect(good).ToHaveAttributeAsync("aria-pressed", "false");

        await good.ClickAsync();
        await Assertions.Expect(good).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(answer.Locator(".feedback-status")).ToHaveTextAsync(AnswerFeedback.Thanks);
        await bad.ClickAsync();
        await Assertions.Expect(bad).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(good).ToHaveAttributeAsync("aria-pressed", "false");
        await answer.GetByLabel("What made this answer bad? (optional)").FillAsync("It did not name my sites.");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        await Assertions.Expect(answer.Locator(".feedback-status")).ToHaveTextAsync(AnswerFeedback.CommentThanks);

        await page.ReloadAsync();
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();

        var reloaded = page.Locator("article.assistant").Last;
        await Assertions.Expect(reloaded.GetByRole(AriaRole.Button, new() { Name = "Bad answer" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(reloaded.GetByRole(AriaRole.Button, new() { Name = "Good answer" })).ToHaveAttributeAsync("aria-pressed", "false");
        await reloaded.GetByRole(AriaRole.Button, new() { Name = "Edit comment" }).ClickAsync();
        await Assertions.Expect(reloaded.GetByLabel("What made this answer bad? (optional)")).ToHaveValueAsync("It did not name my sites.");
    }

    [Fact]
    public async Task The_keyboard_alone_votes_comments_and_withdraws_a_vote()
    {
        var page = await stack.OpenChatAsync();
        var answer = await AskAsync(page, "What is LCOE?");
        var good = answer.GetByRole(AriaRole.Button, new() { Name = "Good answer" });
        var bad = answer.GetByRole(AriaRole.Button, new() { Name = "Bad answer" });

        // From the question box (focused after sending), back into the answer's feedback.
        await Assertions.Expect(page.GetByLabel("Your question")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(bad).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Shift+Tab");
        await Assertions.Expect(good).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(good).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(good).ToBeFocusedAsync();
        // The comment box opens once the API took the vote, which the live region announces.
        await Assertions.Expect(answer.Locator(".feedback-status")).ToHaveTextAsync(AnswerFeedback.Thanks);

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var comment = answer.GetByLabel("What made this answer good? (optional)");
        await Assertions.Expect(comment).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Clear and short.");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(answer.Locator(".feedback-status")).ToHaveTextAsync(AnswerFeedback.CommentThanks);
        await Assertions.Expect(good).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(good).ToHaveAttributeAsync("aria-pressed", "false");
        await Assertions.Expect(answer.Locator(".feedback-status")).ToHaveTextAsync(AnswerFeedback.Removed);
        await page.ReloadAsync();
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();
        await Assertions.Expect(page.Locator("article.assistant").Last.GetByRole(AriaRole.Button, new() { Name = "Good answer" })).ToHaveAttributeAsync("aria-pressed", "false");
    }

    /// <summary>Asks with Enter and returns the finished answer's bubble.</summary>
    private static async Task<ILocator> AskAsync(IPage page, string question)
    {
        var input = page.GetByLabel("Your question");
        await input.FillAsync(question);
        await input.PressAsync("Enter");
        var answer = page.Locator("article.assistant[data-streaming=false]").Last;
        await Assertions.Expect(answer.Locator(".answer-feedback")).ToBeVisibleAsync(new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        return answer;
    }
}
