using Chatbot.LocalServers;
using Microsoft.Playwright;

namespace Chatbot.Tests.Browser;

/// <summary>
/// The real API and web front end as processes, and Debian's Chromium driven by Playwright
/// (no browser download). The API can be stopped and started again for the outage test.
/// </summary>
public class WebStackFixture : IAsyncLifetime
{
    private readonly int _apiPort = FreePort.Next();
    private IPlaywright? _playwright;

    public ServiceProcess Api { get; private set; } = null!;

    public ServiceProcess Web { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await StartApiAsync();
        Web = await ServiceProcess.StartAsync("Chatbot.Web", FreePort.Next(), new Dictionary<string, string>
        {
            ["Chatbot__Api__BaseAddress"] = $"http://127.0.0.1:{_apiPort}",
        });
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public Task<IPage> OpenChatAsync(string path = "/") => OpenChatAsync(Browser, Web, path);

    /// <summary>A fresh browser context on the chat page, once Enter can send.</summary>
    public static async Task<IPage> OpenChatAsync(IBrowser browser, ServiceProcess web, string path = "/")
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = web.BaseUrl, ViewportSize = new() { Width = 1100, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        // Enter sends only once the input's script is attached.
        await page.Locator("form.chat-input[data-ready=true]").WaitForAsync();
        return page;
    }

    public async Task StopApiAsync() => await Api.DisposeAsync();

    public async Task RestartApiAsync() => Api = await StartApiAsync();

    public virtual async Task DisposeAsync()
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
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }
    }

    /// <summary>The API's settings; a fixture for other data gives its own.</summary>
    protected virtual Dictionary<string, string> ApiSettings => new()
    {
        // Slow enough to see an answer grow, fast enough for a short test.
        ["Chatbot__Llm__Offline__TokenDelayMs"] = "25",
    };

    private Task<ServiceProcess> StartApiAsync() => ServiceProcess.StartAsync("Chatbot.ApiService", _apiPort, ApiSettings);
}

[CollectionDefinition(Name)]
public sealed class WebStackCollection : ICollectionFixture<WebStackFixture>
{
    public const string Name = "Web stack";
}
