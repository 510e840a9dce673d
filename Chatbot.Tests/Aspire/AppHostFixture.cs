using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Chatbot.Tests.Aspire;

/// <summary>
/// Starts the real AppHost once for the tests that share it, in local mode (redis-server from
/// PATH, no containers), and waits until the API and the web front end are healthy.
/// </summary>
public sealed class AppHostFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    /// <summary>API replicas behind Aspire's proxy, sharing one Redis, as a scaled deployment runs.</summary>
    public const int ApiReplicas = 2;

    private DistributedApplication? _app;

    /// <summary>What the web front end proves itself with to the API; set here so tests can call the API as the gateway.</summary>
    public string GatewaySecret { get; } = Guid.NewGuid().ToString("N");

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Chatbot_AppHost>(
            ["Chatbot:Infrastructure=local", $"Chatbot:ApiReplicas={ApiReplicas}", $"Parameters:gateway-secret={GatewaySecret}"],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("apiservice", timeout.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync("webfrontend", timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<AppHostFixture>
{
    public const string Name = "AppHost";
}
