using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>
/// Hands the inner client's updates on as a model over the network does: in bursts, each after
/// an await. The offline model at full speed never awaits, so a rehearsal on it alone would leave
/// every "the stream went async" path of the pipeline (the clients' and the agents' continuations)
/// for the first real answer to compile.
/// </summary>
public sealed class BurstyChatClient(IChatClient inner, int burst = 32) : DelegatingChatClient(inner)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            if (count++ % burst == 0)
            {
                await Task.Yield();
            }
            yield return update;
        }
    }
}
