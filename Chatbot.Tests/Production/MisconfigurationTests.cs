using Chatbot.LocalServers;
using Chatbot.Tests.Browser;
using Microsoft.Playwright;
using static Chatbot.Tests.Production.RehearsalBrowser;

namespace Chatbot.Tests.Production;

/// <summary>
/// The published services refuse to start in Production when their identity settings are missing
/// or unsafe, naming the setting; the demo identity runs there only when set, and says so.
/// </summary>
[Collection(ProductionRehearsalCollection.Name)]
public sealed class MisconfigurationTests(ProductionRehearsal stack)
{
    [Theory]
    [InlineData("Chatbot__Identity__Mode", "", "Chatbot:Identity:Mode must be set outside Development")]
    [InlineData("Chatbot__Identity__Mode", "everyone", "Chatbot:Identity:Mode must be oidc, gateway or demo")]
    [InlineData("Chatbot__Identity__Oidc__Authority", "", "Chatbot:Identity:Oidc:Authority")]
    [InlineData("Chatbot__Identity__Oidc__ClientId", "", "Chatbot:Identity:Oidc:ClientId")]
    [InlineData("Chatbot__Api__GatewaySecret", "", "Chatbot:Api:GatewaySecret")]
    [InlineData("Chatbot__Identity__SessionKeys__Certificate", "", "Chatbot:Identity:SessionKeys:Certificate must be set outside Development")]
    [InlineData("Chatbot__Identity__SessionKeys__Certificate", "not a certificate", "Chatbot:Identity:SessionKeys:Certificate must be a base64 PKCS#12")]
    [InlineData("Chatbot__ForwardedHeaders__KnownNetworks", "10.0.0.0/8,the-ingress", "Chatbot:ForwardedHeaders:KnownNetworks must list IP addresses or networks")]
    public async Task The_web_refuses_to_start_naming_the_setting(string variable, string value, string named)
    {
        var environment = stack.Manifest().For("webfrontend");
        environment[variable] = value;
        environment["Chatbot__Identity__Oidc__RequireHttpsMetadata"] = "false";

        var failure = await StartFailureAsync(await PublishedServices.WebAsync(), environment);

        Assert.Contains(named, failure);
    }

    [Fact]
    public async Task The_web_refuses_a_provider_that_is_not_https()
    {
        var environment = stack.Manifest().For("webfrontend");

        var failure = await StartFailureAsync(await PublishedServices.WebAsync(), environment);

        Assert.Contains("Chatbot:Identity:Oidc:Authority must be https", failure);
    }

    [Theory]
    [InlineData("", "needs Chatbot:Identity:Gateway:Secret or Chatbot:Identity:Gateway:TrustedNetworks")]
    [InlineData("10.0.0.0/8,gateway.internal", "Chatbot:Identity:Gateway:TrustedNetworks must list IP addresses or networks")]
    public async Task The_web_behind_a_gateway_refuses_to_start_without_a_proof_it_can_check(string networks, string named)
    {
        var environment = stack.Manifest().For("webfrontend");
        environment["Chatbot__Identity__Mode"] = "gateway";
        environment["Chatbot__Identity__Gateway__TrustedNetworks"] = networks;

        Assert.Contains(named, await StartFailureAsync(await PublishedServices.WebAsync(), environment));
    }

    [Theory]
    [InlineData("Chatbot__Auth__GatewaySecret", "", "Chatbot:Auth:GatewaySecret")]
    [InlineData("Chatbot__Auth__Mode", "development", "refused in Production")]
    [InlineData("Chatbot__Auth__TrustedProxies", "10.0.0.7,gateway.internal", "Chatbot:Auth:TrustedProxies must list IP addresses or networks")]
    public async Task The_api_refuses_to_start_naming_the_setting(string variable, string value, string named)
    {
        var environment = stack.Manifest().For("apiservice");
        environment[variable] = value;

        Assert.Contains(named, await StartFailureAsync(await PublishedServices.ApiAsync(), environment));
    }

    [Fact]
    public async Task The_demo_identity_set_explicitly_shows_a_badge()
    {
        var page = await stack.NewPageAsync(stack.DemoWeb);

        await page.GotoAsync("/");
        await WaitForChatAsync(page);

        await Assertions.Expect(page.Locator(".demo-badge")).ToHaveTextAsync("Demo identity");
        await Assertions.Expect(page.Locator(".user-name")).ToHaveTextAsync("Demo User");
    }

    /// <summary>The output of a service that exited instead of becoming healthy.</summary>
    private static async Task<string> StartFailureAsync(string assembly, Dictionary<string, string> environment)
    {
        var failure = await Assert.ThrowsAsync<ServiceExitedException>(async () =>
        {
            await using var service = await ServiceProcess.StartAsync(assembly, Path.GetDirectoryName(assembly)!, FreePort.Next(), environment);
        });
        Assert.Contains("exited with", failure.Message);
        return failure.Message;
    }
}
