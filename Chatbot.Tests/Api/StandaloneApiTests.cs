using System.Net;
using Chatbot.ApiService;
using Chatbot.Contracts.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Chatbot.Tests.Api;

/// <summary>The API without an AppHost, Redis or MongoDB runs on its embedded defaults.</summary>
public sealed class StandaloneApiTests : IClassFixture<WebApplicationFactory<ApiServiceAssembly>>
{
    private readonly WebApplicationFactory<ApiServiceAssembly> _factory;

    public StandaloneApiTests(WebApplicationFactory<ApiServiceAssembly> factory) => _factory = factory;

    [Fact]
    public async Task Runs_healthy_with_no_stores_configured()
    {
        using var http = _factory.CreateClient();

        var health = await ReadinessAsync(http);
        var alive = await http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, health);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    /// <summary>
    /// /health once the start-up prewarm is done (it is 503 until then, by design): on a machine
    /// busy with the rest of the suite that can take longer than the first request.
    /// </summary>
    private static async Task<HttpStatusCode> ReadinessAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        while ((status = (await http.GetAsync("/health")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        return status;
    }

    [Fact]
    public async Task Reports_embedded_defaults_to_callers_who_proved_who_they_are()
    {
        using var http = _factory.CreateClient();

        var info = await http.GetStringAsync(ChatbotRoutes.Prewarm);

        Assert.Contains("\"memory\":\"in-process\"", info);
        Assert.Contains("\"archive\":\"disabled\"", info);
        Assert.Contains("\"infrastructure\":\"standalone\"", info);
    }

    [Fact]
    public async Task Tells_anonymous_callers_of_the_root_nothing_about_the_stores()
    {
        using var http = _factory.CreateClient();

        var info = await http.GetStringAsync("/");

        Assert.Equal("""{"service":"Chatbot.ApiService"}""", info);
    }
}
