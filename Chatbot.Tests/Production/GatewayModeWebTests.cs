using Chatbot.Contracts.Identity;
using Chatbot.Tests.Browser;
using Microsoft.Playwright;
using static Chatbot.Tests.Production.RehearsalBrowser;

namespace Chatbot.Tests.Production;

/// <summary>The web front end behind the platform's gateway: identity headers count only with the gateway's proof.</summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class GatewayModeWebTests(ProductionRehearsal stack)
{
    private static readonly Dictionary<string, string> Carol = new()
    {
        [IdentityHeaders.Name(IdentityHeaders.UserId)] = "carol-1",
        [IdentityHeaders.Name(IdentityHeaders.UserName)] = Convert.ToBase64String("Carol Gateway"u8),
        [IdentityHeaders.Name(IdentityHeaders.TenantId)] = "t-100",
        [IdentityHeaders.Name(IdentityHeaders.Systems)] = """["PV-002"]""",
    };

    [Fact]
    public async Task The_gateways_headers_with_its_secret_are_the_user()
    {
        var page = await stack.NewPageAsync(stack.GatewayWeb, new Dictionary<string, string>(Carol) { [IdentityHeaders.GatewaySecret] = ProductionRehearsal.PlatformSecret });
        await page.GotoAsync("/");
        await WaitForChatAsync(page);

        var answer = await AskAsync(page, RehearsalUsers.AssetQuestion);

        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Carol Gateway");
        Assert.Contains("PV-002", answer);
        Assert.DoesNotContain("PV-001", answer);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("a-guessed-secret")]
    public async Task The_same_headers_without_the_gateways_proof_are_nobody(string? secret)
    {
        var headers = new Dictionary<string, string>(Carol);
        if (secret is not null)
        {
            headers[IdentityHeaders.GatewaySecret] = secret;
        }
        var page = await stack.NewPageAsync(stack.GatewayWeb, headers);

        await page.GotoAsync("/");

        await Assertions.Expect(SignInRequired(page)).ToContainTextAsync("Sign-in required");
        Assert.Equal(0, await page.Locator("textarea").CountAsync());
    }

    [Fact]
    public async Task A_proven_request_that_names_a_field_twice_is_nobody()
    {
        var page = await stack.NewPageAsync(stack.GatewayWeb, new Dictionary<string, string>(Carol)
        {
            [IdentityHeaders.GatewaySecret] = ProductionRehearsal.PlatformSecret,
            ["ALTECO_USER_TENANT_ID"] = "t-200",
        });

        await page.GotoAsync("/");

        await Assertions.Expect(SignInRequired(page)).ToBeVisibleAsync();
    }
}
