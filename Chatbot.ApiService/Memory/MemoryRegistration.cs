using Chatbot.ApiService.Memory.Archive;
using Chatbot.ApiService.Memory.Mongo;
using Chatbot.ApiService.Memory.Redis;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Memory;

/// <summary>
/// Composes <see cref="IConversationStore"/> from what is configured: hot memory in Redis (with
/// the in-process store as its fallback) or in process, and, with MongoDB, the archive behind it.
/// </summary>
public static class MemoryRegistration
{
    public static IServiceCollection AddConversationMemory(this IServiceCollection services, StoreStatus status)
    {
        services.AddOptionsWithValidateOnStart<MemoryOptions>().BindConfiguration(MemoryOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<InProcessConversationStore>();
        services.AddSingleton<HotMemoryMetrics>();

        var hasRedis = status.Memory == StoreStatus.RedisMemory;
        if (hasRedis)
        {
            services.AddSingleton<RedisConversationStore>();
            services.AddSingleton<OutageBacklog>();
            services.AddSingleton<ResilientConversationStore>();
            services.AddHostedService<OutageWriteBack>();
            services.AddHealthChecks().AddCheck<RedisMemoryHealthCheck>(RedisMemoryHealthCheck.Name);
        }
        Func<IServiceProvider, IConversationStore> hot = hasRedis
            ? provider => provider.GetRequiredService<ResilientConversationStore>()
            : provider => provider.GetRequiredService<InProcessConversationStore>();

        if (status.Archive != StoreStatus.MongoArchive)
        {
            services.AddSingleton(hot);
            return services;
        }
        services.AddKeyedSingleton<IConversationStore, MongoConversationStore>(ArchiveWriter.ArchiveKey);
        services.AddSingleton<ArchiveMetrics>();
        services.AddSingleton<ArchiveQueue>();
        services.AddHostedService<ArchiveWriter>();
        services.AddSingleton<IConversationStore>(provider => new ArchivedConversationStore(
            hot(provider),
            provider.GetRequiredKeyedService<IConversationStore>(ArchiveWriter.ArchiveKey),
            provider.GetRequiredService<ArchiveQueue>(),
            provider.GetRequiredService<HotMemoryMetrics>(),
            provider.GetRequiredService<IOptions<MemoryOptions>>(),
            provider.GetRequiredService<ILogger<ArchivedConversationStore>>()));
        return services;
    }
}
