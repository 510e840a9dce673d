using Chatbot.LocalServers;
using StackExchange.Redis;

namespace Chatbot.Tests.Memory.Support;

/// <summary>
/// A real <c>redis-server</c> on a free port, with no persistence, for one test class. The
/// outage tests kill it and start it again on the same port. <c>./eng/test.sh</c> installs
/// redis-server when it is missing.
/// </summary>
public sealed class RedisServerFixture : IRedisFixture
{
    private RedisProcess? _server;

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false";

    public ConnectionMultiplexer Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await StartAsync();
        Client = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Client.DisposeAsync();
        Kill();
    }

    /// <summary>Ends the server at once, as a crash would.</summary>
    public void Kill()
    {
        _server?.Dispose();
        _server = null;
    }

    public async Task StartAsync() =>
        _server = await RedisProcess.StartAsync(Port, ["--save", "", "--appendonly", "no"]);
}
