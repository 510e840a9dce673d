using System.ClientModel;
using System.Net.Http.Headers;
using Anthropic.Exceptions;

namespace Chatbot.ApiService.Llm.Retries;

/// <summary>That a model call failed because the provider throttled it, and when it may be retried.</summary>
public sealed record Throttling(int Status, RetryConditionHeaderValue? RetryAfter)
{
    /// <summary>The throttling behind <paramref name="exception"/>, looking through the SDKs' wrappers; null for any other failure.</summary>
    public static Throttling? Of(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (Read(current) is { } throttling)
            {
                return throttling;
            }
        }
        return null;
    }

    private static Throttling? Read(Exception exception) => exception switch
    {
        ModelThrottledException throttled => new((int)throttled.StatusCode!.Value, throttled.RetryAfter),
        HttpRequestException { StatusCode: { } status } when ModelThrottledException.IsThrottling((int)status) => new((int)status, null),
        ClientResultException result when ModelThrottledException.IsThrottling(result.Status) => new(result.Status, RetryAfterOf(result)),
        AnthropicApiException anthropic when ModelThrottledException.IsThrottling((int)anthropic.StatusCode) => new((int)anthropic.StatusCode, null),
        _ => null,
    };

    private static RetryConditionHeaderValue? RetryAfterOf(ClientResultException result) =>
        result.GetRawResponse()?.Headers.TryGetValue("Retry-After", out var value) == true
        && RetryConditionHeaderValue.TryParse(value, out var retryAfter) ? retryAfter : null;
}
