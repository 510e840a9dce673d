using System.Globalization;
using StackExchange.Redis;

namespace Chatbot.Benchmarks.Hosting;

/// <summary>
/// Redis's own count of each command and the time it spent in it (<c>INFO commandstats</c>).
/// Commands a Lua script calls are counted too, and their time is also inside the script's
/// (<c>evalsha</c>). A difference of two readings is what a phase asked of Redis.
/// </summary>
public sealed class RedisCommandStats(IReadOnlyDictionary<string, (long Calls, long Microseconds)> commands)
{
    private const string Prefix = "cmdstat_";

    public static RedisCommandStats Empty { get; } = new(new Dictionary<string, (long, long)>());

    public IReadOnlyDictionary<string, (long Calls, long Microseconds)> Commands => commands;

    /// <summary>How often Redis ran <paramref name="command"/> (lower case, e.g. <c>xadd</c>); 0 when never.</summary>
    public long Calls(string command) => commands.GetValueOrDefault(command).Calls;

    public static async Task<RedisCommandStats> ReadAsync(IServer server)
    {
        var sections = await server.InfoAsync("commandstats");
        return new RedisCommandStats(sections.SelectMany(section => section)
            .Where(entry => entry.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(entry => entry.Key[Prefix.Length..], entry => Parse(entry.Value)));
    }

    public static RedisCommandStats operator -(RedisCommandStats after, RedisCommandStats before) => new(after.Commands.ToDictionary(
        entry => entry.Key,
        entry => before.Commands.TryGetValue(entry.Key, out var earlier)
            ? (entry.Value.Calls - earlier.Calls, entry.Value.Microseconds - earlier.Microseconds)
            : entry.Value));

    public static RedisCommandStats operator +(RedisCommandStats left, RedisCommandStats right) => new(left.Commands.Keys.Union(right.Commands.Keys).ToDictionary(
        name => name,
        name =>
        {
            var (a, b) = (left.Commands.GetValueOrDefault(name), right.Commands.GetValueOrDefault(name));
            return (a.Calls + b.Calls, a.Microseconds + b.Microseconds);
        }));

    /// <summary>"calls=12,usec=34,usec_per_call=2.83,rejected_calls=0,failed_calls=0".</summary>
    private static (long Calls, long Microseconds) Parse(string value)
    {
        var fields = value.Split(',').Select(field => field.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
        return (long.Parse(fields["calls"], CultureInfo.InvariantCulture), long.Parse(fields["usec"], CultureInfo.InvariantCulture));
    }
}
