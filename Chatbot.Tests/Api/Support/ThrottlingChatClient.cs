using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Chatbot.Tests.Api.Support;

/// <summary>Stands in for a provider that answers 429 a given number of times before it streams.</summary>
public sealed class ThrottlingChatClient(IChatClient inner, int throttledCalls) : DelegatingChatClient(inner)
{
    private int _calls;

    public int Calls => _calls;

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _calls) <= throttledCalls)
        {
            throw new HttpRequestException("Too many requests", null, HttpStatusCode.TooManyRequests);
        }
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            yield return update;
        }
    }
}
