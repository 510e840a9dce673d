using Microsoft.Playwright;
using static Chatbot.Tests.Production.RehearsalBrowser;

namespace Chatbot.Tests.Production;

/// <summary>A fresh deployment whose address the operator has not yet registered with the provider.</summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class SignInRefusedTests(ProductionRehearsal stack)
{
    [Fact]
    public async Task A_provider_refusing_the_redirect_address_shows_the_sign_in_page_with_a_message_and_logs_what_to_register()
    {
        var page = await stack.NewPageAsync(stack.UnregisteredWeb);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator(".sign-in-problem")).ToContainTextAsync("refused this site's sign-in request");
        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
        Assert.StartsWith(stack.UnregisteredWeb.BaseUrl, page.Url);
        Assert.Contains($"Register {stack.UnregisteredWeb.BaseUrl}/signin-oidc as a redirect URI", stack.UnregisteredWeb.Output);
    }
}
