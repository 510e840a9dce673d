using Chatbot.LocalServers;
using Microsoft.Playwright;

namespace Chatbot.Tests.Browser;

/// <summary>
/// The API and web front end as processes with a <see cref="TcpFaultProxy"/> between them, so a
/// test can drop the network under an answer's stream; and Debian's Chromium.
/// </summary>
public sealed class FaultyNetworkStackFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ServiceProcess Api { get; private set; } = null!;

    public TcpFaultProxy Proxy { get; private set; } = null!;

    public ServiceProcess Web { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var apiPort = FreePort.Next();
        Api = await ServiceProcess.StartAsync("Chatbot.ApiService", apiPort, new Dictionary<string, string>
        {
            // Long enough to cut the stream halfway through an answer.
            ["Chatbot__Llm__Offline__TokenDelayMs"] = "40",
        });
        Proxy = TcpFaultProxy.Start(apiPort);
        Web = await ServiceProcess.StartAsync("Chatbot.Web", FreePort.Next(), new Dictionary<string, string>
        {
            ["Chatbot__Api__BaseAddress"] = $"http://127.0.0.1:{Proxy.Port}",
        });
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public Task<IPage> OpenChatAsync() => WebStackFixture.OpenChatAsync(Browser, Web);

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FaultyNetworkStackCollection : ICollectionFixture<FaultyNetworkStackFixture>
{
    public const string Name = "Web stack behind a faulty network";
}
