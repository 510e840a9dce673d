using System.Net.Sockets;
using System.Text;
using Chatbot.LocalServers;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>A real redis-server on a free loopback port, without persistence, for one benchmark run.</summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly ChildProcess _process;

    private RedisServer(ChildProcess process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The API's <c>ConnectionStrings:redis</c>.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var executable = File.Exists(Executable) ? Executable : "redis-server";
        var port = FreePort.Next();
        var process = ChildProcess.Start("redis", executable,
            ["--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxclients", "10000"],
            Path.GetTempPath(), new Dictionary<string, string?>());
        var server = new RedisServer(process, port);
        await server.WaitForPongAsync();
        return server;
    }

    public int ProcessId => _process.Id;

    public ProcessStats Stats() => ProcessStats.Read(_process.Id);

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private async Task WaitForPongAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException($"redis-server did not answer PING on port {Port}:\n{_process.Output}");
    }
}
