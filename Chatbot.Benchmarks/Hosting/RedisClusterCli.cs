using System.Diagnostics;

namespace Chatbot.Benchmarks.Hosting;

/// <summary><c>redis-cli</c>, as an operator uses it on a cluster: create it, ask a node whether it answers and how the cluster is.</summary>
public static class RedisClusterCli
{
    private const string Executable = "redis-cli";

    /// <summary><c>redis-cli --cluster create … --cluster-replicas 0 --cluster-yes</c>: the slots spread over the given masters.</summary>
    public static async Task CreateClusterAsync(IEnumerable<string> endPoints)
    {
        var (exitCode, output) = await RunAsync(["--cluster", "create", .. endPoints, "--cluster-replicas", "0", "--cluster-yes"]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"redis-cli --cluster create failed:\n{output}");
        }
    }

    public static async Task<bool> PingsAsync(string endPoint)
    {
        var (exitCode, output) = await RunAsync([.. Address(endPoint), "PING"]);
        return exitCode == 0 && output.StartsWith("PONG", StringComparison.Ordinal);
    }

    /// <summary><c>CLUSTER INFO</c> of one node; empty when it does not answer.</summary>
    public static async Task<string> ClusterInfoAsync(string endPoint)
    {
        var (exitCode, output) = await RunAsync([.. Address(endPoint), "CLUSTER", "INFO"]);
        return exitCode == 0 ? output : "";
    }

    private static string[] Address(string endPoint)
    {
        var (host, port) = (endPoint[..endPoint.LastIndexOf(':')], endPoint[(endPoint.LastIndexOf(':') + 1)..]);
        return ["-h", host, "-p", port];
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo(Executable, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var cli = Process.Start(start) ?? throw new InvalidOperationException($"{Executable} did not start.");
        var output = cli.StandardOutput.ReadToEndAsync();
        var error = cli.StandardError.ReadToEndAsync();
        await cli.WaitForExitAsync();
        return (cli.ExitCode, await output + await error);
    }
}
