using System.Net;
using System.Runtime.CompilerServices;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm;

/// <summary>
/// Retries a model call the provider throttled (429, 503, 529) with exponential backoff and
/// jitter, but only before the first update: after that a retry would repeat what the client
/// already has. Hand-written because Polly's pipelines cannot see inside a streamed enumeration.
/// </summary>
public sealed class ThrottlingRetryChatClient(IChatClient inner, int maxAttempts = 4, TimeSpan? firstDelay = null) : DelegatingChatClient(inner)
{
    private readonly TimeSpan _firstDelay = firstDelay ?? TimeSpan.FromMilliseconds(500);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        for (var attempt = 1; ; attempt++)
        {
            await using var updates = base.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            bool hasFirst;
            try
            {
                hasFirst = await updates.MoveNextAsync();
            }
            catch (Exception exception) when (attempt < maxAttempts && IsThrottling(exception))
            {
                await Task.Delay(Backoff(attempt), cancellationToken);
                continue;
            }
            if (!hasFirst)
            {
                yield break;
            }
            yield return updates.Current;
            while (await updates.MoveNextAsync())
            {
                yield return updates.Current;
            }
            yield break;
        }
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public static bool IsThrottling(Exception exception) => StatusOf(exception) is 429 or 503 or 529;

    private static int? StatusOf(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: { } status } => (int)status,
        System.ClientModel.ClientResultException { Status: > 0 } result => result.Status,
        AnthropicApiException anthropic => (int)anthropic.StatusCode,
        _ => null,
    };

    private TimeSpan Backoff(int attempt)
    {
        var exponential = _firstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        return TimeSpan.FromMilliseconds(exponential * (0.5 + Random.Shared.NextDouble()));
    }
}
