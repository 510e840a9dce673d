using Microsoft.Playwright;
using static Chatbot.Tests.Production.RehearsalBrowser;
using static Chatbot.Tests.Production.RehearsalUsers;

namespace Chatbot.Tests.Production;

/// <summary>Signing out ends the session on the server: no tab, copied cookie or kept page answers as the user afterwards.</summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class SignOutTests(ProductionRehearsal stack)
{
    [Fact]
    public async Task Signing_out_in_one_tab_ends_the_other_tabs_chat_within_the_revalidation_interval()
    {
        var first = await stack.NewPageAsync(stack.Web);
        await SignInAsync(first, Alice);
        var second = await first.Context.NewPageAsync();
        await second.GotoAsync(stack.Web.BaseUrl + "/");
        await WaitForChatAsync(second);

        await SignOutAsync(first);

        await Assertions.Expect(SignInRequired(second)).ToBeVisibleAsync(new() { Timeout = Within(ProductionRehearsal.RevalidationInterval) });
        await Assertions.Expect(second.Locator(".sign-in-problem")).ToContainTextAsync("session has ended");
        Assert.Equal(0, await second.Locator("textarea").CountAsync());
    }

    [Fact]
    public async Task A_session_cookie_copied_before_sign_out_opens_nothing_afterwards()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);
        var copied = await page.Context.CookiesAsync();

        await SignOutAsync(page);
        var thief = await stack.NewPageAsync(stack.Web);
        await thief.Context.AddCookiesAsync(copied.Select(cookie => new Cookie
        {
            Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path, Secure = cookie.Secure, HttpOnly = cookie.HttpOnly,
        }));
        await thief.GotoAsync("/");

        await Assertions.Expect(SignInRequired(thief)).ToBeVisibleAsync();
        Assert.Equal(0, await thief.Locator("textarea").CountAsync());
    }

    [Fact]
    public async Task A_page_kept_from_before_sign_out_and_replayed_without_the_cookie_starts_no_chat()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);
        var kept = await (await page.Context.APIRequest.GetAsync(stack.Web.BaseUrl + "/")).TextAsync();
        Assert.Contains("blazor.web.js", kept);
        await SignOutAsync(page);

        var replay = await stack.NewPageAsync(stack.Web);
        await replay.RouteAsync(stack.Web.BaseUrl + "/", route => route.FulfillAsync(new() { Body = kept, ContentType = "text/html" }));
        await replay.GotoAsync("/");

        // The circuit starts from the kept page, and its own connection proves nobody.
        await Assertions.Expect(SignInRequired(replay)).ToBeVisibleAsync();
        Assert.Equal(0, await replay.Locator("textarea").CountAsync());
        await Assertions.Expect(replay.Locator(".user-name")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_session_cookie_is_secure_and_http_only_even_over_plain_http()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);

        var session = (await page.Context.CookiesAsync()).Single(cookie => cookie.Name == ".chatbot.session");

        Assert.StartsWith("http://", stack.Web.BaseUrl);
        Assert.True(session.Secure);
        Assert.True(session.HttpOnly);
    }

    [Fact]
    public async Task Signing_out_while_the_provider_is_down_signs_out_here_and_says_so()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);
        await stack.Provider.StopAsync();
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

            await Assertions.Expect(page.Locator(".sign-in-problem")).ToContainTextAsync("You are signed out of the chatbot");
            Assert.StartsWith(stack.Web.BaseUrl, page.Url);
            await page.GotoAsync("/");
            await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
        }
        finally
        {
            await stack.Provider.StartAgainAsync();
        }
    }

    [Fact]
    public async Task Signing_out_without_the_forms_antiforgery_token_is_a_400_and_ends_nothing()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);

        var response = await page.Context.APIRequest.PostAsync(stack.Web.BaseUrl + "/account/logout", new() { Form = page.Context.APIRequest.CreateFormData().Set("returnUrl", "/") , MaxRedirects = 0 });

        Assert.Equal(400, response.Status);
        await page.ReloadAsync();
        await WaitForChatAsync(page);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
    }

    /// <summary>The interval, one more for a check that had just run, and time for the page to render.</summary>
    private static float Within(TimeSpan interval) => (float)(interval * 2 + TimeSpan.FromSeconds(5)).TotalMilliseconds;
}
