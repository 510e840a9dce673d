using System.Threading.RateLimiting;

namespace Chatbot.ApiService.Limits;

/// <summary>A slot of this replica's own limiter: it needs no renewal and lapses only when given back.</summary>
public sealed class LocalAnswerSlot(RateLimitLease lease) : OpenAnswerSlot
{
    public override bool IsAcquired => lease.IsAcquired;

    public override ValueTask DisposeAsync()
    {
        lease.Dispose();
        return ValueTask.CompletedTask;
    }
}
