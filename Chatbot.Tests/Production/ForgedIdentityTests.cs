using Chatbot.Contracts.Identity;
using Chatbot.Tests.Browser;
using Microsoft.Playwright;
using static Chatbot.Tests.Production.RehearsalBrowser;
using static Chatbot.Tests.Production.RehearsalUsers;

namespace Chatbot.Tests.Production;

/// <summary>
/// A browser that sends the seed's identity headers itself (finding 1 of the identity review):
/// nothing it names reaches the API, whether it has signed in or not.
/// </summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class ForgedIdentityTests(ProductionRehearsal stack)
{
    private static readonly Dictionary<string, string> BobsHeaders = new()
    {
        [IdentityHeaders.Name(IdentityHeaders.UserId)] = "bob-1",
        [IdentityHeaders.Name(IdentityHeaders.TenantId)] = "t-200",
        [IdentityHeaders.Name(IdentityHeaders.Role)] = "superAdmin",
        [IdentityHeaders.Name(IdentityHeaders.Systems)] = """["PV-003"]""",
    };

    [Fact]
    public async Task Forged_headers_without_a_sign_in_get_the_sign_in_page()
    {
        var page = await stack.NewPageAsync(stack.Web, BobsHeaders);

        await page.GotoAsync("/");

        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("textarea").CountAsync());
    }

    [Fact]
    public async Task Forged_headers_from_a_signed_in_browser_change_nothing()
    {
        var page = await stack.NewPageAsync(stack.Web, BobsHeaders);
        await SignInAsync(page, Alice);

        var answer = await AskAsync(page, AssetQuestion);

        Assert.All(AliceAssets, asset => Assert.Contains(asset, answer));
        Assert.All(BobAssets, asset => Assert.DoesNotContain(asset, answer));
    }

    [Fact]
    public async Task Naming_bob_does_not_open_bobs_conversation()
    {
        var bob = await stack.NewPageAsync(stack.Web);
        await SignInAsync(bob, Bob);
        const string secret = "Bob's private question about the plant battery";
        await AskAsync(bob, secret);
        var conversation = bob.Url[(bob.Url.IndexOf("/c/", StringComparison.Ordinal) + 3)..];

        var mallory = await stack.NewPageAsync(stack.Web, BobsHeaders);
        await SignInAsync(mallory, Alice);
        await mallory.GotoAsync($"/c/{conversation}");
        await WaitForChatAsync(mallory);

        await Assertions.Expect(mallory.Locator("article.user")).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await mallory.ContentAsync());
    }
}
