using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The opt-out from the standard resilience handler for HttpClients that read long
/// Server-Sent Event streams.
/// </summary>
/// <remarks>
/// <see cref="Extensions.AddServiceDefaults{TBuilder}"/> gives every HttpClient the standard
/// handler, whose 10-second attempt timeout would cut an answer mid-stream and whose retries
/// would ask the model a second time. A streaming client calls
/// <c>services.AddHttpClient&lt;T&gt;().AddStreamingDefaults()</c>: the resilience handlers are
/// removed, connecting gets a short timeout, and the stream itself is bounded only by the
/// caller's cancellation token and <paramref name="maxStreamDuration"/>. Nothing is retried.
/// </remarks>
public static class StreamingHttpClientExtensions
{
    public static IHttpClientBuilder AddStreamingDefaults(
        this IHttpClientBuilder builder,
        TimeSpan? connectTimeout = null,
        TimeSpan? maxStreamDuration = null)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented opt-out.
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.ConfigureHttpClient(client => client.Timeout = maxStreamDuration ?? TimeSpan.FromMinutes(30));
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        });
        return builder;
    }
}
