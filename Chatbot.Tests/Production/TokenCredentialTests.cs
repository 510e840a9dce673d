using Chatbot.Contracts.Identity;
using Microsoft.Playwright;
using static Chatbot.Tests.Production.RehearsalBrowser;
using static Chatbot.Tests.Production.RehearsalUsers;

namespace Chatbot.Tests.Production;

/// <summary>The web passing the signed-in user's access token to an API in jwt mode, which validates it with the same provider.</summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class TokenCredentialTests(ProductionRehearsal stack)
{
    [Fact]
    public async Task Bob_is_known_to_the_api_by_his_access_token_alone()
    {
        var page = await stack.NewPageAsync(stack.TokenWeb, new Dictionary<string, string> { [IdentityHeaders.Name(IdentityHeaders.UserId)] = "alice-1", [IdentityHeaders.Name(IdentityHeaders.TenantId)] = "t-100" });
        await SignInAsync(page, Bob);

        var answer = await AskAsync(page, AssetQuestion);

        Assert.All(BobAssets, asset => Assert.Contains(asset, answer));
        Assert.All(AliceAssets, asset => Assert.DoesNotContain(asset, answer));
    }

    [Fact]
    public async Task When_the_access_token_is_about_to_expire_the_chat_asks_to_sign_in_again()
    {
        var page = await stack.NewPageAsync(stack.TokenWeb);
        await SignInAsync(page, Dave);

        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync(new() { Timeout = (float)Dave.AccessTokenLifetime!.Value.TotalMilliseconds });

        await Assertions.Expect(page.Locator(".sign-in-problem")).ToContainTextAsync("expired");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".user-name")).ToHaveCountAsync(0);
        await page.GotoAsync("/");
        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
    }
}
