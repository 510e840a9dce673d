using System.Globalization;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Stores;

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
