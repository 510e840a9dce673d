using Chatbot.Tests.Browser;
using Chatbot.Tests.Identity.Provider;
using Microsoft.Playwright;

namespace Chatbot.Tests.Production;

/// <summary>What a person does in the browser: sign in at the provider, ask, read the answer, sign out.</summary>
public static class RehearsalBrowser
{
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    /// <summary>From the sign-in page, through the provider's login form, to the chat ready for a question.</summary>
    public static async Task SignInAsync(IPage page, OidcTestUser user)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await SubmitProviderLoginAsync(page, user);
        await WaitForChatAsync(page);
    }

    public static async Task SubmitProviderLoginAsync(IPage page, OidcTestUser user)
    {
        await page.Locator("input[name=username]").FillAsync(user.UserName);
        await page.Locator("input[name=password]").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public static Task WaitForChatAsync(IPage page) =>
        page.Locator("form.chat-input[data-ready=true]").WaitForAsync(new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });

    /// <summary>Asks and returns the whole answer once it has finished streaming.</summary>
    public static async Task<string> AskAsync(IPage page, string question)
    {
        var answers = page.Locator("article.assistant[data-streaming=false] .assistant-text");
        var before = await answers.CountAsync();
        await ChatPageTests.Ask(page, question);
        await Assertions.Expect(answers).ToHaveCountAsync(before + 1, new() { Timeout = (float)AnswerTimeout.TotalMilliseconds });
        return await answers.Last.InnerTextAsync();
    }

    /// <summary>The static page an unproven visitor gets instead of the chat.</summary>
    public static ILocator SignInRequired(IPage page) => page.Locator("[data-sign-in-required]");
}
