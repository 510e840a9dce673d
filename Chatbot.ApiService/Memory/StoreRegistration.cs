using Chatbot.ApiService.Memory.Mongo;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Driver;
using StackExchange.Redis;

namespace Chatbot.ApiService.Memory;

/// <summary>
/// Connects to Redis (connection string <c>redis</c>) and MongoDB (<c>mongo</c>) when they are
/// configured; otherwise the API runs on its embedded defaults and says so. What runs on them
/// (memory, runs, limits) is composed by the caller from the <see cref="StoreStatus"/> returned.
/// </summary>
public static class StoreRegistration
{
    public const string RedisConnectionName = "redis";
    public const string MongoConnectionName = "mongo";
    public const string DefaultDatabase = "chatbot";

    public static StoreStatus AddChatbotStores(this IHostApplicationBuilder builder)
    {
        var hasRedis = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisConnectionName));
        var hasMongo = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(MongoConnectionName));

        if (hasRedis)
        {
            builder.AddRedisClient(RedisConnectionName,
                // RedisMemoryHealthCheck reports an outage as degraded: chats go on in process.
                settings => settings.DisableHealthChecks = true,
                ConfigureRedisForFallback);
        }
        if (hasMongo)
        {
            builder.AddMongoArchiveClient();
        }

        var status = new StoreStatus(
            Infrastructure: builder.Configuration["Chatbot:Infrastructure"] ?? "standalone",
            Memory: hasRedis ? StoreStatus.RedisMemory : StoreStatus.InProcessMemory,
            Archive: hasMongo ? StoreStatus.MongoArchive : StoreStatus.NoArchive);
        builder.Services.AddSingleton(status);
        builder.Services.AddHostedService<StoreStatusLogger>();
        return status;
    }

    /// <summary>
    /// Never block start-up on Redis, fail a command at once while disconnected (the memory store
    /// falls back instead of queueing behind a dead socket), and reconnect within seconds.
    /// </summary>
    private static void ConfigureRedisForFallback(ConfigurationOptions options)
    {
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new ExponentialRetry(deltaBackOffMilliseconds: 250, maxDeltaBackOffMilliseconds: 2_000);
    }

    private static void AddMongoArchiveClient(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(MongoConnectionName)!;
        var url = MongoUrl.Create(connectionString);
        var databaseName = url.DatabaseName ?? builder.Configuration["Chatbot:Memory:Database"] ?? DefaultDatabase;

        builder.Services.AddSingleton<IMongoClient>(_ =>
        {
            var settings = MongoClientSettings.FromUrl(url);
            if (url.ServerSelectionTimeout == MongoDefaults.ServerSelectionTimeout)
            {
                settings.ServerSelectionTimeout = TimeSpan.FromSeconds(5);
            }
            return new MongoClient(settings);
        });
        builder.Services.AddSingleton(services => services.GetRequiredService<IMongoClient>().GetDatabase(databaseName));
        // Degraded, not unhealthy: an archive outage never stops a chat (writes wait in the queue). The
        // timeout answers the readiness probe (3 s) before the driver gives up on the server (5 s).
        builder.Services.AddHealthChecks().AddCheck<MongoPingHealthCheck>(MongoConnectionName, HealthStatus.Degraded, [], MongoPingHealthCheck.Timeout);
    }
}
