using MongoDB.Driver;

namespace Chatbot.ApiService.Stores;

/// <summary>
/// Connects to Redis (connection string <c>redis</c>) and MongoDB (<c>mongo</c>) when they are
/// configured; otherwise the API runs on its embedded defaults and says so.
/// </summary>
public static class StoreRegistration
{
    public const string RedisConnectionName = "redis";
    public const string MongoConnectionName = "mongo";
    public const string DefaultDatabase = "chatbot";

    public static IHostApplicationBuilder AddChatbotStores(this IHostApplicationBuilder builder)
    {
        var hasRedis = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(RedisConnectionName));
        var hasMongo = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(MongoConnectionName));

        if (hasRedis)
        {
            builder.AddRedisClient(RedisConnectionName);
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
        return builder;
    }

    private static void AddMongoArchiveClient(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(MongoConnectionName)!;
        var url = MongoUrl.Create(connectionString);
        var databaseName = url.DatabaseName ?? builder.Configuration["Chatbot:Memory:Database"] ?? DefaultDatabase;

        builder.Services.AddSingleton<IMongoClient>(_ =>
        {
            var settings = MongoClientSettings.FromUrl(url);
            settings.ServerSelectionTimeout = TimeSpan.FromSeconds(5);
            return new MongoClient(settings);
        });
        builder.Services.AddSingleton(services => services.GetRequiredService<IMongoClient>().GetDatabase(databaseName));
        builder.Services.AddHealthChecks().AddCheck<MongoPingHealthCheck>(MongoConnectionName);
    }
}
