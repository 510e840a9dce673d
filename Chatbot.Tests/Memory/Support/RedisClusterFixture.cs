using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Chatbot.LocalServers;
using StackExchange.Redis;

namespace Chatbot.Tests.Memory.Support;

/// <summary>
/// A real Redis Cluster of three masters on loopback (no replicas), created with
/// <c>redis-cli --cluster create</c> as an operator would. Each node's port is below 30000
/// because its cluster bus listens on the port + 10000. Every write is in the node's append-only
/// file before it is acknowledged, so a node killed and started again on its port rejoins with
/// its slots and everything it acknowledged, as a managed Redis keeps it.
/// </summary>
public sealed class RedisClusterFixture : IRedisFixture
{
    public const int Masters = 3;
    private static readonly TimeSpan ClusterTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("chatbot-redis-cluster-").FullName;
    private readonly RedisProcess?[] _nodes = new RedisProcess?[Masters];

    public int[] Ports { get; } = RedisClusterPorts.Pick(Masters);

    public string ConnectionString => string.Join(",", Ports.Select(port => $"127.0.0.1:{port}")) + ",abortConnect=false";

    public ConnectionMultiplexer Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        for (var node = 0; node < Masters; node++)
        {
            await StartNodeAsync(node);
        }
        await CreateClusterAsync();
        await WaitUntilHealthyAsync();
        Client = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (Client is not null)
        {
            await Client.DisposeAsync();
        }
        for (var node = 0; node < Masters; node++)
        {
            KillNode(node);
        }
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Ends one master at once, as a crash would: its slots are unreachable until it is back.</summary>
    public void KillNode(int node)
    {
        _nodes[node]?.Dispose();
        _nodes[node] = null;
    }

    /// <summary>Starts a killed master again on its port, from its nodes.conf, and waits until the cluster is whole.</summary>
    public async Task RestartNodeAsync(int node)
    {
        await StartNodeAsync(node);
        await WaitUntilHealthyAsync();
    }

    /// <summary>The master that serves <paramref name="key"/>'s slot.</summary>
    public int NodeOf(RedisKey key) => Array.IndexOf(Ports, ((IPEndPoint)Client.GetServer(key).EndPoint).Port);

    private async Task StartNodeAsync(int node)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_directory, Ports[node].ToString())).FullName;
        _nodes[node] = await RedisProcess.StartAsync(Ports[node],
        [
            "--cluster-enabled", "yes",
            "--cluster-config-file", "nodes.conf",
            "--cluster-node-timeout", "2000",
            "--dir", directory,
            "--save", "",
            "--appendonly", "yes",
            "--appendfsync", "always",
        ], directory);
    }

    private async Task CreateClusterAsync()
    {
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["--cluster", "create", .. Ports.Select(port => $"127.0.0.1:{port}"), "--cluster-replicas", "0", "--cluster-yes"])
        {
            start.ArgumentList.Add(argument);
        }
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        if (cli.ExitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed:\n{await output}\n{await error}");
        }
    }

    /// <summary>Every running node says cluster_state:ok and knows all masters.</summary>
    private async Task WaitUntilHealthyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (!await IsHealthyAsync())
        {
            if (deadline.Elapsed > ClusterTimeout)
            {
                throw new TimeoutException($"The Redis cluster on {string.Join(", ", Ports)} did not become healthy.");
            }
            await Task.Delay(100);
        }
    }

    private async Task<bool> IsHealthyAsync()
    {
        try
        {
            foreach (var port in Ports)
            {
                await using var node = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},connectTimeout=1000,abortConnect=false,allowAdmin=true");
                var info = (string?)await node.GetServer("127.0.0.1", port).ExecuteAsync("CLUSTER", "INFO");
                if (info is null || !info.Contains("cluster_state:ok") || !info.Contains($"cluster_known_nodes:{Masters}"))
                {
                    return false;
                }
            }
            return true;
        }
        catch (RedisException)
        {
            return false; // a node still starting, or not yet reachable
        }
    }
}
