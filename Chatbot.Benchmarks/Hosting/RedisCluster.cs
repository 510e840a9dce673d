using System.Diagnostics;
using System.Globalization;
using Chatbot.LocalServers;
using StackExchange.Redis;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// A real Redis Cluster on loopback for one benchmark run: masters only (no replicas), joined
/// with <c>redis-cli --cluster create</c> as an operator would, in a temporary directory that goes
/// when it is disposed, with every node killed. A node can be killed and started again mid-run;
/// its usage (CPU, commands) is kept across its lives.
/// </summary>
public sealed class RedisCluster : IAsyncDisposable
{
    private static readonly TimeSpan HealthyTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory;
    private readonly RedisClusterNode[] _nodes;
    private readonly RedisClusterUsage[] _earlierLives;
    private ConnectionMultiplexer? _admin;

    private RedisCluster(string directory, int[] ports)
    {
        _directory = directory;
        _nodes = [.. ports.Select(port => new RedisClusterNode(port, Directory.CreateDirectory(Path.Combine(directory, port.ToString())).FullName))];
        _earlierLives = [.. ports.Select(_ => RedisClusterUsage.None)];
    }

    public IReadOnlyList<RedisClusterNode> Nodes => _nodes;

    /// <summary>The API's <c>ConnectionStrings:redis</c>: every master, and no giving up while one is down.</summary>
    public string ConnectionString => string.Join(",", _nodes.Select(node => node.EndPoint)) + ",abortConnect=false";

    public static async Task<RedisCluster> StartAsync(int masters)
    {
        var cluster = new RedisCluster(Directory.CreateTempSubdirectory("chatbot-scale-redis-").FullName, RedisClusterPorts.Pick(masters));
        try
        {
            foreach (var node in cluster._nodes)
            {
                node.Start();
            }
            await cluster.WaitUntilAllAnswerAsync();
            await RedisClusterCli.CreateClusterAsync(cluster._nodes.Select(node => node.EndPoint));
            await cluster.WaitUntilHealthyAsync();
            cluster._admin = await ConnectionMultiplexer.ConnectAsync(cluster.ConnectionString + ",allowAdmin=true");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client of the whole cluster (admin commands allowed), e.g. to look at what the API left in it.</summary>
    public IDatabase Database => _admin!.GetDatabase();

    /// <summary>Reads the node's usage so far, then kills it (SIGKILL): its slots are unreachable until it is back.</summary>
    public async Task KillNodeAsync(int node)
    {
        _earlierLives[node] = await ReadUsageAsync(node);
        await _nodes[node].KillAsync();
    }

    /// <summary>Starts a killed node again on its port, from its directory, and waits until the cluster says ok everywhere.</summary>
    public async Task RestartNodeAsync(int node)
    {
        _nodes[node].Start();
        await WaitUntilHealthyAsync();
    }

    /// <summary>Every node's usage so far, earlier lives included; a node that is down counts what it did before it went.</summary>
    public async Task<IReadOnlyList<RedisClusterUsage>> ReadUsageAsync()
    {
        var usage = new RedisClusterUsage[_nodes.Length];
        for (var node = 0; node < _nodes.Length; node++)
        {
            usage[node] = _nodes[node].IsRunning ? await ReadUsageAsync(node) : _earlierLives[node];
        }
        return usage;
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<RedisClusterUsage> ReadUsageAsync(int node)
    {
        var server = await ConnectedServerAsync(_nodes[node]);
        var cpu = (await server.InfoAsync("cpu")).SelectMany(section => section).ToDictionary(entry => entry.Key, entry => entry.Value);
        var seconds = double.Parse(cpu["used_cpu_user"], CultureInfo.InvariantCulture) + double.Parse(cpu["used_cpu_sys"], CultureInfo.InvariantCulture);
        return _earlierLives[node] + new RedisClusterUsage(TimeSpan.FromSeconds(seconds), await RedisCommandStats.ReadAsync(server));
    }

    /// <summary>The admin connection's server for the node, once it has reconnected after a restart.</summary>
    private async Task<IServer> ConnectedServerAsync(RedisClusterNode node)
    {
        var server = _admin!.GetServer(node.EndPoint);
        var waited = Stopwatch.StartNew();
        while (!server.IsConnected && waited.Elapsed < HealthyTimeout)
        {
            await Task.Delay(100);
        }
        return server;
    }

    private async Task WaitUntilAllAnswerAsync()
    {
        foreach (var node in _nodes)
        {
            await WaitForAsync(() => RedisClusterCli.PingsAsync(node.EndPoint), $"Redis node {node.EndPoint} did not answer PING");
        }
    }

    /// <summary>Every node says <c>cluster_state:ok</c> and knows every master.</summary>
    private Task WaitUntilHealthyAsync() => WaitForAsync(async () =>
    {
        foreach (var node in _nodes)
        {
            var info = await RedisClusterCli.ClusterInfoAsync(node.EndPoint);
            if (!info.Contains("cluster_state:ok", StringComparison.Ordinal) || !info.Contains($"cluster_known_nodes:{_nodes.Length}", StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }, $"The Redis cluster on {ConnectionString} did not become healthy");

    private static async Task WaitForAsync(Func<Task<bool>> condition, string failure)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > HealthyTimeout)
            {
                throw new TimeoutException($"{failure} within {HealthyTimeout.TotalSeconds} s.");
            }
            await Task.Delay(100);
        }
    }
}
