using Chatbot.Tests.Browser;
using Microsoft.Playwright;
using static Chatbot.Tests.Production.RehearsalBrowser;
using static Chatbot.Tests.Production.RehearsalUsers;

namespace Chatbot.Tests.Production;

/// <summary>Signing in, out and again on the deployed shape: web in oidc mode, API in gateway mode.</summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class ProductionSignInTests(ProductionRehearsal stack)
{
    [Fact]
    public async Task A_visitor_who_has_not_signed_in_is_asked_to_and_reaches_no_chat()
    {
        var page = await stack.NewPageAsync(stack.Web);

        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("textarea").CountAsync());
    }

    [Fact]
    public async Task Alice_signs_in_sees_her_name_and_only_her_assets()
    {
        var page = await stack.NewPageAsync(stack.Web);

        await SignInAsync(page, Alice);
        var answer = await AskAsync(page, AssetQuestion);

        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Alice Example");
        Assert.All(AliceAssets, asset => Assert.Contains(asset, answer));
        Assert.All(BobAssets, asset => Assert.DoesNotContain(asset, answer));
        await Assertions.Expect(page.Locator(".demo-badge")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Alice_and_bob_signed_in_at_the_same_time_each_see_only_their_own()
    {
        var (alice, bob) = (await stack.NewPageAsync(stack.Web), await stack.NewPageAsync(stack.Web));
        await Task.WhenAll(SignInAsync(alice, Alice), SignInAsync(bob, Bob));

        var answers = await Task.WhenAll(AskAsync(alice, AssetQuestion), AskAsync(bob, AssetQuestion));

        Assert.All(AliceAssets, asset => Assert.Contains(asset, answers[0]));
        Assert.All(BobAssets, asset => Assert.DoesNotContain(asset, answers[0]));
        Assert.All(BobAssets, asset => Assert.Contains(asset, answers[1]));
        Assert.All(AliceAssets, asset => Assert.DoesNotContain(asset, answers[1]));
    }

    [Fact]
    public async Task After_signing_out_the_page_asks_to_sign_in_and_the_provider_asks_for_a_password_again()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("input[name=password]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_session_outlives_a_restart_of_the_web_front_end()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);

        await stack.RestartWebAsync();
        await page.GotoAsync("/");
        await WaitForChatAsync(page);

        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Alice Example");
        Assert.Contains(AliceAssets[0], await AskAsync(page, AssetQuestion));
    }

    [Fact]
    public async Task A_tampered_session_cookie_means_signing_in_again_never_an_error()
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);
        var cookies = await page.Context.CookiesAsync();
        var session = cookies.Where(cookie => cookie.Name.StartsWith(".chatbot.session")).ToArray();
        Assert.NotEmpty(session);

        await page.Context.AddCookiesAsync(session.Select(cookie => new Cookie
        {
            Name = cookie.Name, Value = Tamper(cookie.Value), Domain = cookie.Domain, Path = cookie.Path,
        }));
        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_expired_session_means_signing_in_again_never_an_error()
    {
        var page = await stack.NewPageAsync(stack.ShortSessionWeb);
        await SignInAsync(page, Alice);

        // The session's own lifetime is what is under test: wait it out.
        await Task.Delay(ProductionRehearsal.ShortSession + TimeSpan.FromSeconds(1));
        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task With_the_identity_provider_down_a_new_visitor_is_told_so_and_a_signed_in_user_goes_on()
    {
        var signedIn = await stack.NewPageAsync(stack.Web);
        await SignInAsync(signedIn, Alice);
        await stack.Provider.StopAsync();
        try
        {
            var visitor = await stack.NewPageAsync(stack.Web);
            await visitor.GotoAsync("/");
            await visitor.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

            await Assertions.Expect(visitor.Locator(".sign-in-problem")).ToContainTextAsync("cannot be reached");
            Assert.Contains(AliceAssets[0], await AskAsync(signedIn, AssetQuestion));
        }
        finally
        {
            await stack.Provider.StartAgainAsync();
        }
    }

    private static string Tamper(string value) => value.Length > 20 ? value[..10] + (value[10] == 'A' ? 'B' : 'A') + value[11..] : value + "x";
}
