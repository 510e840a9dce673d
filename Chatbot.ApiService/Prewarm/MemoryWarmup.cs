using Chatbot.ApiService.Memory;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Opens the conversation store and runs every call an answer makes on a probe conversation of
/// its own: the turns of one that does not exist (a new chat), an append, the turns
/// again (a follow-up), the list, and the delete that leaves nothing behind. Prewarm's rehearsed
/// answers store nothing, so this is what compiles the store's path and loads its scripts.
/// </summary>
public sealed class MemoryWarmup(IConversationStore memory, TimeProvider clock)
{
    private const string ProbeOwner = "prewarm";

    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        await memory.ConnectAsync(cancellationToken);
        var probe = new ConversationKey(ProbeOwner, $"prewarm-{Guid.NewGuid():N}");
        await memory.GetTurnsAsync(probe, cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            // Shaped like an answer's turns (ids, run, agent, tools), so every field's writer is compiled.
            await memory.AppendAsync(probe,
            [
                new(ConversationTurn.User, "prewarm", now, RunId: "prewarm", Id: Guid.CreateVersion7().ToString("N")),
                new(ConversationTurn.Assistant, "prewarm", now, "prewarm", "prewarm", Tools: ["prewarm"], Id: Guid.CreateVersion7().ToString("N")),
            ], cancellationToken);
            await memory.GetTurnsAsync(probe, cancellationToken);
            await memory.ListAsync(ProbeOwner, new PageRequest(1, PageRequest.DefaultPageSize), cancellationToken);
        }
        finally
        {
            await memory.DeleteAsync(probe, CancellationToken.None);
        }
        return memory.Name;
    }
}
