using Microsoft.Playwright;
using static Chatbot.Tests.Production.RehearsalBrowser;
using static Chatbot.Tests.Production.RehearsalUsers;

namespace Chatbot.Tests.Production;

/// <summary>After signing in or out the browser stays on this site, whatever return address a link carries.</summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class RedirectTests(ProductionRehearsal stack)
{
    [Theory]
    [InlineData("%2F%09%2Fevil.example%2F")]
    [InlineData("%2F%0D%2Fevil.example%2F")]
    [InlineData("%2F%0A%2Fevil.example%2F")]
    [InlineData("%2F%2Fevil.example%2F")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    public async Task Signing_in_with_a_foreign_or_malformed_return_address_lands_home(string returnUrl)
    {
        var page = await stack.NewPageAsync(stack.Web);

        var response = await page.GotoAsync($"/account/login?returnUrl={returnUrl}");
        Assert.True(response!.Status < 500);
        await SubmitProviderLoginAsync(page, Alice);
        await WaitForChatAsync(page);

        Assert.Equal(stack.Web.BaseUrl + "/", page.Url);
    }

    [Fact]
    public async Task A_local_return_address_is_kept()
    {
        var page = await stack.NewPageAsync(stack.Web);

        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString("/c/kept-conversation")}");
        await SubmitProviderLoginAsync(page, Alice);
        await WaitForChatAsync(page);

        Assert.Equal(stack.Web.BaseUrl + "/c/kept-conversation", page.Url);
    }

    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("/\n/evil.example/")]
    [InlineData("//evil.example/")]
    public async Task Signing_out_with_a_foreign_or_malformed_return_address_lands_home(string returnUrl)
    {
        var page = await stack.NewPageAsync(stack.Web);
        await SignInAsync(page, Alice);
        await page.Locator("form.sign-out").EvaluateAsync(
            "(form, url) => { const input = document.createElement('input'); input.type = 'hidden'; input.name = 'returnUrl'; input.value = url; form.appendChild(input); }",
            returnUrl);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
        Assert.StartsWith(stack.Web.BaseUrl + "/", page.Url);
    }
}
