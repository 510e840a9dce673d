using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Chatbot.ApiService.Memory.Mongo;

/// <summary>Healthy when the archive database answers a ping within <see cref="Timeout"/>.</summary>
public sealed class MongoPingHealthCheck(IMongoDatabase database) : IHealthCheck
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private static readonly BsonDocument Ping = new("ping", 1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.RunCommandAsync<BsonDocument>(Ping, cancellationToken: cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is MongoException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "MongoDB does not answer a ping.", exception);
        }
    }
}
