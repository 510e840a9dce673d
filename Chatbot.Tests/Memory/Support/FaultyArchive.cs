using Chatbot.ApiService.Memory;

namespace Chatbot.Tests.Memory.Support;

/// <summary>
/// An archive test double (MongoDB is not on this machine): an in-process store that keeps turns
/// for a day, optionally slow, failing, or blocked until released.
/// </summary>
public sealed class FaultyArchive(IConversationStore inner) : IConversationStore
{
    public TimeSpan WriteDelay { get; init; }

    public bool FailEverything { get; init; }

    /// <summary>When set, every call waits for it, ignoring cancellation.</summary>
    public TaskCompletionSource? Gate { get; init; }

    public string Name => "test archive";

    public Task<IReadOnlyList<ConversationTurn>> GetTurnsAsync(ConversationKey key, CancellationToken cancellationToken) =>
        RunAsync(() => inner.GetTurnsAsync(key, cancellationToken));

    public Task AppendAsync(ConversationKey key, IReadOnlyList<ConversationTurn> turns, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await Task.Delay(WriteDelay, CancellationToken.None);
            await inner.AppendAsync(key, turns, cancellationToken);
            return true;
        });

    public Task<ConversationPage> ListAsync(string owner, PageRequest page, CancellationToken cancellationToken) =>
        RunAsync(() => inner.ListAsync(owner, page, cancellationToken));

    public Task<bool> DeleteAsync(ConversationKey key, CancellationToken cancellationToken) =>
        RunAsync(() => inner.DeleteAsync(key, cancellationToken));

    public Task<FeedbackUpdate> SetFeedbackAsync(ConversationKey key, string runId, TurnFeedback? feedback, CancellationToken cancellationToken) =>
        RunAsync(() => inner.SetFeedbackAsync(key, runId, feedback, cancellationToken));

    public Task ConnectAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        if (Gate is not null)
        {
            await Gate.Task;
        }
        if (FailEverything)
        {
            throw new IOException("The archive is down.");
        }
        return await operation();
    }
}
