using System.Text;

namespace Chatbot.ApiService.Llm.Retries;

/// <summary>
/// Turns a throttled HTTP answer into a <see cref="ModelThrottledException"/> that carries its
/// <c>Retry-After</c>, under every provider SDK. The SDKs wrap it (the Anthropic SDK keeps no
/// response headers on its exceptions), and <see cref="Throttling.Of"/> finds it inside.
/// </summary>
public sealed class ThrottledResponseHandler : DelegatingHandler
{
    /// <summary>Enough of the provider's error body for the log.</summary>
    private const int BodyBytesKept = 512;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!ModelThrottledException.IsThrottling((int)response.StatusCode))
        {
            return response;
        }
        using (response)
        {
            var body = await StartOfBodyAsync(response, cancellationToken);
            throw new ModelThrottledException(response.StatusCode, response.Headers.RetryAfter,
                $"{request.RequestUri?.Host} answered HTTP {(int)response.StatusCode}: {body}");
        }
    }

    private static async Task<string> StartOfBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[BodyBytesKept];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
