using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Chatbot.ApiService.Llm.Retries;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>
/// Bedrock's errors, from an HTTP answer or inside the stream, as exceptions with their HTTP status;
/// throttling as <see cref="ModelThrottledException"/>, which the one retry layer retries.
/// </summary>
public static class ConverseErrors
{
    private static readonly Dictionary<string, HttpStatusCode> StatusOfType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["throttlingException"] = HttpStatusCode.TooManyRequests,
        ["serviceUnavailableException"] = HttpStatusCode.ServiceUnavailable,
        ["modelNotReadyException"] = HttpStatusCode.TooManyRequests,
        ["validationException"] = HttpStatusCode.BadRequest,
        ["accessDeniedException"] = HttpStatusCode.Forbidden,
        ["resourceNotFoundException"] = HttpStatusCode.NotFound,
        ["modelTimeoutException"] = HttpStatusCode.RequestTimeout,
        ["modelStreamErrorException"] = HttpStatusCode.FailedDependency,
        ["modelErrorException"] = HttpStatusCode.FailedDependency,
        ["internalServerException"] = HttpStatusCode.InternalServerError,
    };

    /// <summary>An exception message inside the stream: <c>:exception-type</c> and its <c>{"message": ...}</c>.</summary>
    public static HttpRequestException FromStream(string errorType, string? payload) =>
        Create(StatusOfType.GetValueOrDefault(errorType, HttpStatusCode.InternalServerError), errorType, MessageOf(payload), retryAfter: null);

    /// <summary>An HTTP error answer; its type is in <c>x-amzn-ErrorType</c> (<c>ThrottlingException:http://...</c>).</summary>
    public static async Task<HttpRequestException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First().Split(':')[0] : "UnknownError";
        var payload = await response.Content.ReadAsStringAsync(cancellationToken);
        return Create(response.StatusCode, errorType, MessageOf(payload), response.Headers.RetryAfter);
    }

    private static HttpRequestException Create(HttpStatusCode status, string errorType, string message, RetryConditionHeaderValue? retryAfter) =>
        ModelThrottledException.IsThrottling((int)status)
            ? new ModelThrottledException(status, retryAfter, $"Bedrock {errorType}: {message}")
            : new ConverseException(status, errorType, message);

    private static string MessageOf(string? payload)
    {
        try
        {
            return (string?)(JsonNode.Parse(payload ?? "") as JsonObject)?["message"] ?? payload ?? "";
        }
        catch (System.Text.Json.JsonException)
        {
            return payload ?? "";
        }
    }
}
