using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>Adds Redis and MongoDB in the infrastructure mode this machine supports.</summary>
public static class StoreResourceExtensions
{
    public const string RedisName = "redis";
    public const string MongoName = "mongo";
    public const string ModeSetting = "Chatbot:Infrastructure";

    public static ChatbotStores AddChatbotStores(this IDistributedApplicationBuilder builder)
    {
        var mode = ResolveMode(builder);
        var stores = new ChatbotStores(mode,
            builder.AddStore(RedisName, mode == InfrastructureMode.Containers ? AddRedisContainer : AddLocalRedis, StoreProbes.PingRedisAsync),
            builder.AddStore(MongoName, mode == InfrastructureMode.Containers ? AddMongoContainer : AddLocalMongo, StoreProbes.PingMongoAsync));

        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<ILoggerFactory>()
                .CreateLogger("Chatbot.AppHost").LogInformation("{Infrastructure}", stores.Describe());
            return Task.CompletedTask;
        });
        return stores;
    }

    /// <summary>References and waits for each store that runs, and tells the API the mode.</summary>
    public static IResourceBuilder<ProjectResource> WithStores(this IResourceBuilder<ProjectResource> project, ChatbotStores stores)
    {
        project.WithEnvironment("Chatbot__Infrastructure", stores.Mode.ToString().ToLowerInvariant());
        foreach (var store in new[] { stores.Redis, stores.Mongo })
        {
            if (store is not null)
            {
                project.WithReference(store).WaitFor(store);
            }
        }
        return project;
    }

    /// <summary>The web front end keeps its session keys in Redis, when Redis runs, so every replica and revision shares them.</summary>
    public static IResourceBuilder<ProjectResource> WithSessionKeyRing(this IResourceBuilder<ProjectResource> web, ChatbotStores stores) =>
        stores.Redis is null ? web : web.WithReference(stores.Redis).WaitFor(stores.Redis);

    private static InfrastructureMode ResolveMode(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration[ModeSetting];
        if (!string.IsNullOrWhiteSpace(configured) && !Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out _))
        {
            throw new InvalidOperationException($"{ModeSetting} must be auto, containers or local; it is '{configured}'.");
        }
        var mode = string.IsNullOrWhiteSpace(configured) ? InfrastructureMode.Auto : Enum.Parse<InfrastructureMode>(configured, ignoreCase: true);

        // The manifest describes what azd deploys: always containers.
        if (builder.ExecutionContext.IsPublishMode || mode == InfrastructureMode.Containers)
        {
            return InfrastructureMode.Containers;
        }
        if (mode == InfrastructureMode.Local)
        {
            return InfrastructureMode.Local;
        }
        return ContainerRuntimeProbe.IsHealthy(ContainerRuntimeProbe.RuntimeName(builder.Configuration))
            ? InfrastructureMode.Containers
            : InfrastructureMode.Local;
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRedisContainer(IDistributedApplicationBuilder builder) =>
        builder.AddRedis(RedisName)
            .WithDataVolume("chatbot-redis-data")
            .WithPersistence(TimeSpan.FromSeconds(60), keysChangedThreshold: 1);

    /// <summary>
    /// A store given by connection string (<c>ConnectionStrings:redis</c> / <c>:mongo</c> in the
    /// AppHost's configuration: an existing server, a Redis Cluster, a managed service), and always
    /// when publishing: what azd deploys uses managed Redis (cluster mode is fine) and a managed
    /// MongoDB (Atlas, Cosmos DB for MongoDB), because mongod cannot keep its data on the SMB file
    /// shares Container Apps mounts as volumes. Otherwise the store this machine can run.
    /// </summary>
    private static IResourceBuilder<IResourceWithConnectionString>? AddStore(
        this IDistributedApplicationBuilder builder,
        string name,
        Func<IDistributedApplicationBuilder, IResourceBuilder<IResourceWithConnectionString>?> run,
        Func<string, CancellationToken, Task<HealthCheckResult>> probe)
    {
        if (builder.ExecutionContext.IsPublishMode)
        {
            return builder.AddConnectionString(name);
        }
        return string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name))
            ? run(builder)
            : builder.AddConnectionString(name).WithPingHealthCheck(probe);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddMongoContainer(IDistributedApplicationBuilder builder)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{MongoName}-password", special: false);
        var mongo = new MongoServerResource(MongoName, password);
        return builder.AddResource(mongo)
            .WithImage("mongo", "8")
            .WithImageRegistry("docker.io")
            .WithEndpoint(targetPort: 27017, name: MongoServerResource.EndpointName, scheme: "tcp")
            .WithEnvironment("MONGO_INITDB_ROOT_USERNAME", MongoServerResource.UserName)
            .WithEnvironment("MONGO_INITDB_ROOT_PASSWORD", password)
            .WithVolume("chatbot-mongo-data", "/data/db")
            .WithPingHealthCheck(StoreProbes.PingMongoAsync);
    }

    private static IResourceBuilder<IResourceWithConnectionString>? AddLocalRedis(IDistributedApplicationBuilder builder)
    {
        if (ExecutableLocator.Find("redis-server") is not { } redisServer)
        {
            return null;
        }
        var port = FreePort.Next();
        var dataDirectory = builder.LocalDataDirectory(RedisName);
        return builder.AddResource(new LocalServerResource(RedisName, redisServer, dataDirectory, "{0}"))
            .WithArgs("--port", port.ToString(), "--bind", "127.0.0.1", "--dir", dataDirectory, "--save", "60 1", "--appendonly", "no")
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalServerResource.EndpointName, isProxied: false)
            .WithPingHealthCheck(StoreProbes.PingRedisAsync);
    }

    private static IResourceBuilder<IResourceWithConnectionString>? AddLocalMongo(IDistributedApplicationBuilder builder)
    {
        if (ExecutableLocator.Find("mongod") is not { } mongod)
        {
            return null;
        }
        var port = FreePort.Next();
        var dataDirectory = builder.LocalDataDirectory(MongoName);
        return builder.AddResource(new LocalServerResource(MongoName, mongod, dataDirectory, "mongodb://{0}/"))
            .WithArgs("--port", port.ToString(), "--bind_ip", "127.0.0.1", "--dbpath", dataDirectory)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: LocalServerResource.EndpointName, isProxied: false)
            .WithPingHealthCheck(StoreProbes.PingMongoAsync);
    }

    private static string LocalDataDirectory(this IDistributedApplicationBuilder builder, string store)
    {
        var directory = Path.Combine(builder.AppHostDirectory, ".data", store);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static IResourceBuilder<T> WithPingHealthCheck<T>(
        this IResourceBuilder<T> resource,
        Func<string, CancellationToken, Task<HealthCheckResult>> probe) where T : IResourceWithConnectionString
    {
        var key = $"{resource.Resource.Name}_ping";
        resource.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key, _ => new ConnectionStringHealthCheck(resource.Resource, probe), failureStatus: null, tags: null));
        return resource.WithHealthCheck(key);
    }
}
