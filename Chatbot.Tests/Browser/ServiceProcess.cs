using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Tests.Browser;

/// <summary>
/// One of our services run as its own process from its build output (as in production: Kestrel
/// on a loopback port), with its console output kept for assertions and diagnostics.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly Process _process;
    private int _disposed;

    private ServiceProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public string Output => string.Join("\n", _output);

    /// <summary>A project's build output (this test run's configuration), in Development.</summary>
    public static Task<ServiceProcess> StartAsync(string project, int port, IReadOnlyDictionary<string, string> environment)
    {
        var projectDirectory = Path.Combine(RepoPaths.Root, project);
        var assembly = Path.Combine(projectDirectory, "bin", RepoPaths.Configuration, "net10.0", project + ".dll");
        return StartAsync(assembly, projectDirectory, port, new Dictionary<string, string>(environment) { ["ASPNETCORE_ENVIRONMENT"] = environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT", "Development") });
    }

    /// <summary>
    /// A published service (<c>dotnet publish</c> output), run from its own folder as its container
    /// would; the environment decides everything else, and names no environment unless given one.
    /// </summary>
    public static async Task<ServiceProcess> StartAsync(string assembly, string workingDirectory, int port, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", ["exec", assembly])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = null;
        start.Environment["DOTNET_ENVIRONMENT"] = null;
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = null;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var name = Path.GetFileNameWithoutExtension(assembly);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start.");
        var service = new ServiceProcess(process, $"http://127.0.0.1:{port}");
        process.OutputDataReceived += (_, line) => service.Keep(line.Data);
        process.ErrorDataReceived += (_, line) =>
        {
            service.Keep(line.Data);
            if (line.Data is not null)
            {
                service._errors.Enqueue(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilHealthyAsync(name);
        }
        catch
        {
            await service.DisposeAsync(); // a service that never became healthy must not outlive the test run
            throw;
        }
        return service;
    }

    /// <summary>Kills the process, as a crash would; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilHealthyAsync(string project)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the redirected output, so the message is in it
                throw new ServiceExitedException(project, _process.ExitCode, string.Join("\n", _errors), Output);
            }
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Too slow to answer while starting on a busy machine (the whole suite runs at once).
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{project} was not healthy within 2 minutes:\n{Output}");
    }
}
