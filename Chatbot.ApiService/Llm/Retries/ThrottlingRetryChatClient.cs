using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Retries;

/// <summary>
/// The one retry layer of a model call: retries a call the provider throttled (429, 503, 529),
/// only before the first update (after that a retry would repeat what the client already has).
/// It waits what the provider's <c>Retry-After</c> asks, else exponential backoff with jitter,
/// never longer than <see cref="ModelRetryOptions.MaxDelay"/>. The provider SDKs are set to retry
/// nothing. Hand-written because Polly's pipelines cannot see inside a streamed enumeration.
/// </summary>
public sealed class ThrottlingRetryChatClient(IChatClient inner, ModelRetryOptions retry, TimeProvider clock, ILogger logger)
    : DelegatingChatClient(inner)
{
    /// <summary>The key of the <see cref="TimeProvider"/> the waits run on, so tests can see them without waiting.</summary>
    public const string ClockKey = "model-retry";

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
            catch (Exception exception) when (attempt < retry.MaxAttempts && Throttling.Of(exception) is { } throttling)
            {
                await WaitAsync(attempt, throttling, cancellationToken);
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

    private async Task WaitAsync(int attempt, Throttling throttling, CancellationToken cancellationToken)
    {
        var wait = WaitBefore(attempt + 1, throttling.RetryAfter);
        logger.LogWarning("The model provider throttled the call (HTTP {Status}); attempt {Next} of {MaxAttempts} in {Wait}",
            throttling.Status, attempt + 1, retry.MaxAttempts, wait);
        await Task.Delay(wait, clock, cancellationToken);
    }

    private TimeSpan WaitBefore(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        var wait = retryAfter is null ? Backoff(attempt) : Until(retryAfter);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > retry.MaxDelay ? retry.MaxDelay : wait;
    }

    /// <summary><c>Retry-After</c> names seconds or an HTTP date.</summary>
    private TimeSpan Until(RetryConditionHeaderValue retryAfter) =>
        retryAfter.Delta ?? (retryAfter.Date - clock.GetUtcNow()) ?? TimeSpan.Zero;

    private TimeSpan Backoff(int attempt)
    {
        var exponential = retry.FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 2);
        return TimeSpan.FromMilliseconds(exponential * (0.5 + Random.Shared.NextDouble()));
    }
}
