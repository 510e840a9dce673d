using System.Net;
using System.Net.Http.Headers;

namespace Chatbot.ApiService.Llm.Retries;

/// <summary>A provider's throttled answer (429, 503, 529), with the <c>Retry-After</c> it named.</summary>
public sealed class ModelThrottledException(HttpStatusCode status, RetryConditionHeaderValue? retryAfter, string message)
    : HttpRequestException(message, null, status)
{
    public RetryConditionHeaderValue? RetryAfter { get; } = retryAfter;

    public static bool IsThrottling(int status) => status is 429 or 503 or 529;
}
