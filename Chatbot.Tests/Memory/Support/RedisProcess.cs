using System.Diagnostics;
using StackExchange.Redis;

namespace Chatbot.Tests.Memory.Support;

/// <summary>One real <c>redis-server</c> on loopback, started with the given arguments, killed as a crash would.</summary>
public sealed class RedisProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly Process _server;

    private RedisProcess(Process server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    public bool HasExited => _server.HasExited;

    /// <summary>Starts the server and returns once it answers PING.</summary>
    public static async Task<RedisProcess> StartAsync(int port, IEnumerable<string> arguments, string? directory = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? Path.GetTempPath(),
        };
        foreach (var argument in (string[])["--port", port.ToString(), "--bind", "127.0.0.1", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        var server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var redis = new RedisProcess(server, port);
        await redis.WaitForPingAsync();
        return redis;
    }

    public void Dispose()
    {
        if (!_server.HasExited)
        {
            _server.Kill(entireProcessTree: true);
            _server.WaitForExit();
        }
        _server.Dispose();
    }

    private async Task WaitForPingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=500");
                await probe.GetServer("127.0.0.1", Port).PingAsync();
                return;
            }
            catch (RedisConnectionException) when (deadline.Elapsed < StartTimeout && !_server.HasExited)
            {
                await Task.Delay(50);
            }
        }
    }

    private static string Executable { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "redis-server is not on PATH. Install it (sudo apt-get install redis-server) or run ./eng/test.sh, which does.");
}
