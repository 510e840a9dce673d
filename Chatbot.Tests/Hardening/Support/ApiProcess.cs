using Chatbot.LocalServers;
using Chatbot.Tests.Browser;

namespace Chatbot.Tests.Hardening.Support;

/// <summary>
/// The built API as its own process on a free loopback port: production's Kestrel settings
/// (its runtimeconfig, Program.cs, appsettings), offline model at full speed.
/// </summary>
public sealed class ApiProcess : IAsyncLifetime
{
    private ServiceProcess? _process;

    public Uri BaseAddress => new(Process.BaseUrl);

    public ServiceProcess Process => _process ?? throw new InvalidOperationException("The API has not started.");

    public async Task InitializeAsync() =>
        _process = await ServiceProcess.StartAsync("Chatbot.ApiService", FreePort.Next(), new Dictionary<string, string>
        {
            ["Chatbot__Llm__Offline__TokenDelayMs"] = "0",
        });

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ApiProcessCollection : ICollectionFixture<ApiProcess>
{
    public const string Name = "API process";
}
