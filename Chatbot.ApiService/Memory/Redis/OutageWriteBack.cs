using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// Writes back, every <see cref="MemoryOptions.WriteBackInterval"/>, what was answered while Redis
/// was unreachable, so other replicas see it even if nobody asks about that conversation here again.
/// </summary>
public sealed class OutageWriteBack(
    ResilientConversationStore store,
    OutageBacklog backlog,
    IOptions<MemoryOptions> options,
    TimeProvider clock,
    ILogger<OutageWriteBack> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.WriteBackInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (backlog.IsEmpty)
            {
                continue;
            }
            try
            {
                await store.WriteBackAsync(stoppingToken);
            }
            catch (Exception exception) when (RedisOutage.Is(exception))
            {
                logger.LogDebug("Redis cannot take the write-back yet ({Conversations} conversations waiting)", backlog.Conversations);
            }
        }
    }
}
