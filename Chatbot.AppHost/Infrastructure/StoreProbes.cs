using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;
using StackExchange.Redis;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>The pings the AppHost's health checks send to Redis and MongoDB.</summary>
public static class StoreProbes
{
    private static readonly ConcurrentDictionary<string, IMongoClient> MongoClients = new();
    private static readonly ConcurrentDictionary<string, Lazy<Task<ConnectionMultiplexer>>> RedisConnections = new();

    public static async Task<HealthCheckResult> PingRedisAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await RedisConnections.GetOrAdd(connectionString, static cs => new(() =>
        {
            var options = ConfigurationOptions.Parse(cs);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 3000;
            return ConnectionMultiplexer.ConnectAsync(options);
        })).Value.WaitAsync(cancellationToken);
        await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken);
        return HealthCheckResult.Healthy();
    }

    public static async Task<HealthCheckResult> PingMongoAsync(string connectionString, CancellationToken cancellationToken)
    {
        var client = MongoClients.GetOrAdd(connectionString, static cs =>
        {
            var settings = MongoClientSettings.FromConnectionString(cs);
            settings.ServerSelectionTimeout = TimeSpan.FromSeconds(3);
            return new MongoClient(settings);
        });
        await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
