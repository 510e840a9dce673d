using Chatbot.ApiService.Stores;

namespace Chatbot.ApiService.Limits;

/// <summary>
/// A slot in the owner's set in Redis, shared by every replica. Renewed with the run's
/// keep-alive; if this process dies it lapses after its lease, and every replica admits again.
/// </summary>
public sealed class RedisAnswerSlot(RedisOpenAnswers answers, string owner, string runId, TimeSpan lease, ILogger logger) : OpenAnswerSlot
{
    public override bool IsAcquired => true;

    public override async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            await answers.RenewAsync(owner, runId, lease);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            // Without renewals the slot lapses after its lease: the limit errs towards admitting.
            logger.LogDebug(exception, "Run {RunId}: its open-answer slot was not renewed", runId);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await answers.ReleaseAsync(owner, runId);
        }
        catch (Exception exception) when (RedisOutage.Is(exception))
        {
            logger.LogDebug(exception, "Run {RunId}: its open-answer slot lapses after its lease instead of now", runId);
        }
    }
}
