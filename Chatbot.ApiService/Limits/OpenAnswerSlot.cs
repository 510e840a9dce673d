namespace Chatbot.ApiService.Limits;

/// <summary>
/// One open answer's place in its owner's limit (<see cref="RunningAnswersLimiter"/>), held for
/// the answer's whole life and given back by disposing it.
/// </summary>
public abstract class OpenAnswerSlot : IAsyncDisposable
{
    /// <summary>Refused: the owner already has as many answers open as allowed.</summary>
    public static OpenAnswerSlot Refused { get; } = new RefusedSlot();

    public abstract bool IsAcquired { get; }

    /// <summary>Says the answer is still open; a slot whose renewals stop lapses after its lease.</summary>
    public virtual Task RenewAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public abstract ValueTask DisposeAsync();

    private sealed class RefusedSlot : OpenAnswerSlot
    {
        public override bool IsAcquired => false;

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
