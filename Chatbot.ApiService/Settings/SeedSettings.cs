using System.Globalization;
using Chatbot.ApiService.Memory;
using StackExchange.Redis;

namespace Chatbot.ApiService.Settings;

/// <summary>
/// The seed's environment variables, as aliases of our settings: the one table of them. A seed
/// variable fills its setting only when no source of ours sets it (see <see cref="SeedAliasProvider"/>).
/// AWS_REGION and AWS_SECRET_ACCESS_KEY need no alias: the AWS credential chain reads them itself,
/// after <c>Chatbot:Llm:Bedrock:Region</c>; AWS_ACCESS_KEY is mapped by <see cref="SeedAwsCredentials"/>.
/// </summary>
public static class SeedSettings
{
    public static IReadOnlyList<SeedAlias> Aliases { get; } =
    [
        new("REDIS_URL", $"ConnectionStrings:{StoreRegistration.RedisConnectionName}", RedisUrl.ToConnectionString),
        new("REDIS_TTL", $"{MemoryOptions.Section}:{nameof(MemoryOptions.Ttl)}", Seconds),
        new("MONGO_URI", $"ConnectionStrings:{StoreRegistration.MongoConnectionName}", AsIs),
        new("MONGO_DB", $"{MemoryOptions.Section}:{nameof(MemoryOptions.Database)}", AsIs),
        new("CHATBOT_MEMORY_COLLECTION", $"{MemoryOptions.Section}:{nameof(MemoryOptions.Collection)}", AsIs),
        new("PROJECT_NAME", $"{ServiceOptions.Section}:{nameof(ServiceOptions.Name)}", AsIs),
        new("VERSION", $"{ServiceOptions.Section}:{nameof(ServiceOptions.Version)}", AsIs),
        new("API_V1_STR", $"{ServiceOptions.Section}:{nameof(ServiceOptions.RoutePrefix)}", AsIs),
    ];

    public static SeedAlias? ForSetting(string key) =>
        Aliases.FirstOrDefault(alias => string.Equals(alias.Setting, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The seed's REDIS_TTL is whole seconds; our TTL is a TimeSpan (a bare "3600" would be days).</summary>
    private static string Seconds(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture)
            : value;

    private static string AsIs(string value) => value;
}

/// <summary>One of the seed's settings (its environment variable) and the setting of ours it fills.</summary>
/// <param name="Variable">The seed's name, e.g. <c>REDIS_URL</c>.</param>
/// <param name="Setting">Our configuration key, e.g. <c>ConnectionStrings:redis</c>.</param>
/// <param name="Convert">The seed's value in our setting's form (seconds to a TimeSpan, a URL to a connection string).</param>
public sealed record SeedAlias(string Variable, string Setting, Func<string, string> Convert);

/// <summary>
/// The seed's REDIS_URL (<c>redis://[[user]:password@]host[:port][/db]</c>, <c>rediss://</c> for
/// TLS) as a StackExchange.Redis configuration string, which has no URL form.
/// </summary>
public static class RedisUrl
{
    private const int DefaultPort = 6379;

    /// <summary>A value that is not a redis URL (already <c>host:port,...</c>) is returned as it is.</summary>
    public static string ToConnectionString(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("redis" or "rediss") || url.Host.Length == 0)
        {
            return value;
        }
        var options = new ConfigurationOptions();
        if (url.Scheme == "rediss")
        {
            options.Ssl = true;
        }
        options.EndPoints.Add(url.DnsSafeHost, url.Port > 0 ? url.Port : DefaultPort);
        AddCredentials(options, url.UserInfo);
        if (int.TryParse(url.AbsolutePath.Trim('/'), out var database))
        {
            options.DefaultDatabase = database;
        }
        return options.ToString(includePassword: true);
    }

    private static void AddCredentials(ConfigurationOptions options, string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return;
        }
        var parts = userInfo.Split(':', 2);
        var user = Uri.UnescapeDataString(parts[0]);
        options.User = user.Length > 0 ? user : null;
        options.Password = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : null;
    }
}
