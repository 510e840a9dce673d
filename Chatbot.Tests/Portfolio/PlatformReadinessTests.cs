using System.Net;
using System.Net.Http.Json;
using Chatbot.ApiService.Prewarm;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.LocalServers;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Portfolio.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chatbot.Tests.Portfolio;

/// <summary>
/// <c>/prewarm</c> names the portfolio's source and reaches the platform without any credential;
/// readiness reports the platform, Degraded (still in rotation) when it does not answer, since
/// knowledge and finance questions still do.
/// </summary>
public sealed class PlatformReadinessTests : FakePlatformTest
{
    [Fact]
    public async Task Prewarm_names_the_sample_portfolio_when_no_platform_is_configured()
    {
        await using var api = new ApiFactory();
        using var http = api.CreateClient();

        var platform = await PlatformComponentAsync(http, []);

        Assert.True(platform.Ok);
        Assert.StartsWith("sample: ", platform.Detail);
    }

    [Fact]
    public async Task Prewarm_reaches_the_platform_with_no_credential_at_all()
    {
        await using var api = PortfolioApi.Over(Platform);
        using var http = api.CreateClient();

        var platform = await PlatformComponentAsync(http, PortfolioApi.Headers(PortfolioApi.Hamburg));

        Assert.True(platform.Ok);
        Assert.Equal("127.0.0.1: HTTP 401", platform.Detail);
        Assert.NotEmpty(Platform.Requests);
        Assert.Empty(Platform.UserCalls);
        Assert.Equal(HealthStatus.Healthy, (await PlatformHealthAsync(api)).Status);
    }

    [Fact]
    public async Task An_unreachable_platform_degrades_readiness_but_keeps_the_api_answering()
    {
        await using var api = PortfolioApi.Over(Platform).With("Chatbot:Portfolio:BaseAddress", $"http://127.0.0.1:{FreePort.Next()}/");
        using var http = api.CreateClient();

        var platform = await PlatformComponentAsync(http, PortfolioApi.Headers(PortfolioApi.Hamburg));
        var readiness = await http.GetAsync("/health");

        Assert.False(platform.Ok);
        Assert.Equal(HttpStatusCode.OK, readiness.StatusCode);
        Assert.Equal("Degraded", await readiness.Content.ReadAsStringAsync());
        Assert.Equal(HealthStatus.Degraded, (await PlatformHealthAsync(api)).Status);
        var (_, events) = await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("What is CAPEX?", null, PortfolioApi.Headers(PortfolioApi.Hamburg)));
        Assert.Equal(StreamEventTypes.Complete, events[^1].Type);
    }

    [Fact]
    public async Task A_base_address_where_no_asset_api_answers_fails_the_platform_component()
    {
        await using var api = PortfolioApi.Over(Platform).With("Chatbot:Portfolio:BaseAddress", Platform.BaseAddress + "/wrong");
        using var http = api.CreateClient();

        var platform = await PlatformComponentAsync(http, PortfolioApi.Headers(PortfolioApi.Hamburg));

        Assert.False(platform.Ok);
        Assert.Equal(HealthStatus.Degraded, (await PlatformHealthAsync(api)).Status);
        Assert.Contains("HTTP 404", (await PlatformHealthAsync(api)).Description);
    }

    [Fact]
    public async Task Readiness_follows_what_the_platform_answered_a_users_question()
    {
        await using var api = PortfolioApi.Over(Platform).With("Chatbot:Portfolio:CacheFor", "00:00:00");
        using var http = api.CreateClient();
        await PlatformComponentAsync(http, PortfolioApi.Headers(PortfolioApi.Hamburg));

        Platform.Status = HttpStatusCode.ServiceUnavailable;
        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null, PortfolioApi.Headers(PortfolioApi.Hamburg)));
        var down = await PlatformHealthAsync(api);
        Platform.Status = HttpStatusCode.OK;
        await ChatbotClient.StreamAsync(http, ChatbotClient.AskRequest("Show me my assets", null, PortfolioApi.Headers(PortfolioApi.Hamburg)));

        Assert.Equal(HealthStatus.Degraded, down.Status);
        Assert.Contains("HTTP 503", down.Description);
        Assert.Equal(HealthStatus.Healthy, (await PlatformHealthAsync(api)).Status);
    }

    private static async Task<PrewarmComponentResponse> PlatformComponentAsync(HttpClient http, (string, string)[] headers)
    {
        using var request = ChatbotClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Prewarm), headers);
        using var response = await http.SendAsync(request);
        var body = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PrewarmResponse>())!;
        return Assert.Single(body.Components!, component => component.Name == "platform");
    }

    private static async Task<HealthReportEntry> PlatformHealthAsync(ApiFactory api) =>
        (await api.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Name == PlatformHealthCheck.Name)).Entries[PlatformHealthCheck.Name];
}
