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

    /// <summary>Every asset of the sample portfolio but Carol's PV-002: her tenant's others, and all of t-200's.</summary>
    private static readonly string[] OtherAssets = ["PV-001", "CP-101", "CP-102", "BAT-501", .. RehearsalUsers.BobAssets];

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
    public async Task A_role_the_browser_adds_beside_the_gateways_fields_is_ignored_and_the_user_sees_their_own_tenant_only()
    {
        var page = await stack.NewPageAsync(stack.GatewayWeb, new Dictionary<string, string>(Carol)
        {
            [IdentityHeaders.GatewaySecret] = ProductionRehearsal.PlatformSecret,
            ["x-alteco-user-role"] = AltecoContext.SuperAdminRole,
        });
        await page.GotoAsync("/");
        await WaitForChatAsync(page);

        var answer = await AskAsync(page, RehearsalUsers.AssetQuestion);

        Assert.Contains("PV-002", answer);
        Assert.All(OtherAssets, asset => Assert.DoesNotContain(asset, answer));
    }

    [Theory]
    [InlineData("ALTECO_USER_TENANT_ID", "t-200")]
    [InlineData("x-alteco-user-tenant-id", "")]
    public async Task A_proven_request_that_names_a_field_twice_is_refused_with_400_naming_it(string spelling, string value)
    {
        var page = await stack.NewPageAsync(stack.GatewayWeb, new Dictionary<string, string>(Carol)
        {
            [IdentityHeaders.GatewaySecret] = ProductionRehearsal.PlatformSecret,
            [spelling] = value,
        });

        var response = await page.GotoAsync("/");

        Assert.Equal(400, response!.Status);
        var body = await response.TextAsync();
        Assert.Contains("Conflicting identity headers", body);
        Assert.Contains(IdentityHeaders.Name(IdentityHeaders.TenantId), body);
        Assert.Equal(0, await page.Locator("textarea").CountAsync());
    }
}
