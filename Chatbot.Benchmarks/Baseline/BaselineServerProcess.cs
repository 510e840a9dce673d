using System.Text.Json;
using Chatbot.Benchmarks.Hosting;
using Chatbot.LocalServers;

namespace Chatbot.Benchmarks.Baseline;

/// <summary>Starts this benchmark's own assembly in <c>baseline-server</c> mode as a child process.</summary>
public sealed class BaselineServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string _tokensFile;

    private BaselineServerProcess(ChildProcess process, string baseUrl, string tokensFile)
    {
        _process = process;
        BaseUrl = baseUrl;
        _tokensFile = tokensFile;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<BaselineServerProcess> StartAsync(IReadOnlyList<string> tokens)
    {
        var tokensFile = Path.Combine(Path.GetTempPath(), $"chatbot-baseline-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(tokensFile, JsonSerializer.Serialize(tokens));
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var self = typeof(BaselineServer).Assembly.Location;
        var process = ChildProcess.Start("baseline", "dotnet", ["exec", self, BaselineServer.Mode, "--url", baseUrl, "--tokens", tokensFile],
            Path.GetDirectoryName(self)!,
            // The API is a web project, so it runs with server GC; the baseline does too.
            new Dictionary<string, string?> { ["DOTNET_gcServer"] = "1" });
        await ServerReadiness.WaitAsync(process, baseUrl, BaselineServer.AlivePath);
        return new BaselineServerProcess(process, baseUrl, tokensFile);
    }

    public ProcessStats Stats() => ProcessStats.Read(_process.Id);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        File.Delete(_tokensFile);
    }
}
