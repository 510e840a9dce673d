using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Offline;
using Microsoft.Extensions.AI;

namespace Chatbot.Tests.Prewarm;

/// <summary>
/// The rehearsal model's stream: every update of the offline model, in order, but arriving after
/// an await at the start of each burst, so a rehearsal runs the pipeline's asynchronous paths.
/// The stream is driven by hand on a context that runs nothing until asked, so "it awaited" is
/// seen for certain, not raced against the thread pool.
/// </summary>
public sealed class BurstyChatClientTests
{
    private static readonly ChatMessage[] Question = [new(ChatRole.User, "What is solar PV?")];

    [Fact]
    public async Task Passes_every_update_on_in_order_and_awaits_before_each_burst()
    {
        using var offline = new OfflineChatClient(new OfflineModelOptions { TokenDelayMs = 0 });
        var direct = await offline.GetStreamingResponseAsync(Question).Select(update => update.Text).ToListAsync();

        var (pieces, awaitedBefore) = DriveByHand(new BurstyChatClient(offline, burst: 4));

        Assert.Equal(direct, pieces);
        Assert.Equal(Enumerable.Range(0, (pieces.Count + 3) / 4).Select(burst => burst * 4), awaitedBefore);
    }

    /// <summary>The updates' texts, and before which of them the stream had to be resumed later.</summary>
    private static (List<string> Pieces, List<int> AwaitedBefore) DriveByHand(IChatClient client)
    {
        var context = new ManualContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        try
        {
            var updates = client.GetStreamingResponseAsync(Question).GetAsyncEnumerator();
            var pieces = new List<string>();
            var awaitedBefore = new List<int>();
            while (true)
            {
                var next = updates.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    awaitedBefore.Add(pieces.Count);
                    context.RunUntil(() => next.IsCompleted);
                }
                if (!next.Result)
                {
                    return (pieces, awaitedBefore);
                }
                pieces.Add(updates.Current.Text);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    /// <summary>Queues what is posted to it; runs it only when the test says so.</summary>
    private sealed class ManualContext : SynchronizationContext
    {
        private readonly Queue<(SendOrPostCallback Callback, object? State)> _posted = new();

        public override void Post(SendOrPostCallback d, object? state) => _posted.Enqueue((d, state));

        public void RunUntil(Func<bool> done)
        {
            while (!done())
            {
                var (callback, state) = _posted.Count > 0 ? _posted.Dequeue() : throw new InvalidOperationException("The stream waits for nothing this context holds.");
                callback(state);
            }
        }
    }
}
