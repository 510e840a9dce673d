using Aspire.Hosting.Testing;
using Chatbot.Contracts.Identity;
using Chatbot.Tests.Browser;
using Microsoft.Playwright;
using StackExchange.Redis;

namespace Chatbot.Tests.Aspire;

[Collection(AppHostCollection.Name)]
public sealed class AppHostTests(AppHostFixture fixture)
{
    [Theory]
    [InlineData("apiservice")]
    [InlineData("webfrontend")]
    public async Task Health_endpoint_reports_healthy(string resource)
    {
        using var http = fixture.App.CreateHttpClient(resource);

        var response = await http.GetAsync("/health");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Web_home_page_answers()
    {
        using var http = fixture.App.CreateHttpClient("webfrontend");

        var response = await http.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("_framework/blazor.web", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Web_front_end_reaches_the_api_through_service_discovery()
    {
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        await using (browser)
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync(fixture.App.GetEndpoint("webfrontend", "http").ToString());

            await Assertions.Expect(page.Locator("[data-readiness=ready]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
    }

    [Fact]
    public async Task Api_uses_the_redis_the_apphost_started()
    {
        using var http = fixture.App.CreateHttpClient("apiservice");
        using var prewarm = new HttpRequestMessage(HttpMethod.Get, "/api/v1/chatbot/prewarm");
        prewarm.Headers.Add(IdentityHeaders.GatewaySecret, fixture.GatewaySecret);
        prewarm.Headers.Add(IdentityHeaders.Name(IdentityHeaders.UserId), "apphost-tester");

        var info = await (await http.SendAsync(prewarm)).Content.ReadAsStringAsync();

        Assert.Contains("\"memory\":\"redis\"", info);
        Assert.Contains("\"infrastructure\":\"local\"", info);
    }

    [Fact]
    public async Task Local_redis_answers_ping_on_the_connection_string_the_api_receives()
    {
        var connectionString = await fixture.App.GetConnectionStringAsync("redis");
        Assert.False(string.IsNullOrWhiteSpace(connectionString));

        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString!);
        var latency = await redis.GetDatabase().PingAsync();

        Assert.True(redis.IsConnected);
        Assert.True(latency >= TimeSpan.Zero);
    }
}
