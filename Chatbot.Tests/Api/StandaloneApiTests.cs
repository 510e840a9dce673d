using System.Net;
using Chatbot.ApiService;
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

        var health = await http.GetAsync("/health");
        var alive = await http.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Reports_embedded_defaults_when_no_stores_are_configured()
    {
        using var http = _factory.CreateClient();

        var info = await http.GetStringAsync("/");

        Assert.Contains("\"memory\":\"in-process\"", info);
        Assert.Contains("\"archive\":\"disabled\"", info);
        Assert.Contains("\"infrastructure\":\"standalone\"", info);
    }
}
