using System.Text.RegularExpressions;
using Chatbot.LocalServers;
using Chatbot.Tests.Browser;
using Chatbot.Tests.Memory.Support;
using StackExchange.Redis;

namespace Chatbot.Tests.Telemetry;

/// <summary>
/// A normal start of the API and of the web, each its own process on a real redis-server, as an
/// operator reads it: nothing at Error or Critical, and none of the Redis client's connection steps.
/// </summary>
public sealed partial class QuietStartTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Theory]
    [InlineData("Chatbot.ApiService", "Prewarm finished")]
    [InlineData("Chatbot.Web", "Application started")]
    public async Task A_normal_start_logs_no_error_and_no_redis_connection_steps(string project, string started)
    {
        var clientsBefore = await ConnectedClientsAsync();
        await using var service = await ServiceProcess.StartAsync(project, FreePort.Next(), new Dictionary<string, string>
        {
            ["ConnectionStrings__redis"] = redis.ConnectionString,
        });
        // The console logger writes behind: wait for the start's last line.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(service.Output.Contains(started))), service.Output);

        var entries = ConsoleEntry().Matches(service.Output).Select(match => (Level: match.Groups["level"].Value, Category: match.Groups["category"].Value)).ToList();

        Assert.DoesNotContain(entries, entry => entry.Level is "fail" or "crit");
        Assert.DoesNotContain(entries, entry => entry.Category.StartsWith("StackExchange.Redis", StringComparison.Ordinal));
        // It did connect: the API keeps conversations there, the web its session keys.
        Assert.True(await ConnectedClientsAsync() > clientsBefore);
    }

    private async Task<int> ConnectedClientsAsync()
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var clients = (await admin.GetServers()[0].InfoAsync("clients")).SelectMany(group => group);
        return int.Parse(clients.Single(info => info.Key == "connected_clients").Value);
    }

    /// <summary>The console logger's first line of an entry: <c>warn: Category[id]</c>.</summary>
    [GeneratedRegex(@"^(?<level>trce|dbug|info|warn|fail|crit): (?<category>[\w.]+)\[\d+\]", RegexOptions.Multiline)]
    private static partial Regex ConsoleEntry();
}
