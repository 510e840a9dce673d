namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// One master of a <see cref="RedisCluster"/>: a redis-server with cluster mode on, on a fixed
/// port with a directory of its own. Every write is in its append-only file before it is
/// acknowledged, so a node killed and started again on its port, from its <c>nodes.conf</c>,
/// rejoins with its slots and everything it acknowledged, as a managed Redis keeps it.
/// </summary>
public sealed class RedisClusterNode(int port, string directory) : IAsyncDisposable
{
    /// <summary>How long the others wait before they take a silent node for failed.</summary>
    public const int NodeTimeoutMs = 2000;

    private ChildProcess? _process;

    public int Port => port;

    public string EndPoint => $"127.0.0.1:{port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the server (again, after a kill: same port, same directory).</summary>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"Redis node {EndPoint} is already running.");
        }
        var executable = File.Exists(RedisServer.Executable) ? RedisServer.Executable : "redis-server";
        _process = ChildProcess.Start($"redis-node-{port}", executable, Arguments(), directory, new Dictionary<string, string?>());
    }

    /// <summary>Ends the server at once (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public ValueTask DisposeAsync() => new(KillAsync());

    private string[] Arguments() =>
    [
        "--port", port.ToString(),
        "--bind", "127.0.0.1",
        "--cluster-enabled", "yes",
        "--cluster-config-file", "nodes.conf",
        "--cluster-node-timeout", NodeTimeoutMs.ToString(),
        "--appendonly", "yes",
        "--appendfsync", "always",
        "--save", "",
        "--dir", directory,
        "--maxclients", "10000",
    ];
}
