using System.Net;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// The HttpClient the load clients share a shape of: HTTP/1.1, a connection per concurrent stream
/// (up to 4,096), no proxy, no cookies, no decompression, and no client-wide timeout (each
/// request brings its own).
/// </summary>
public static class StreamHttpClient
{
    public static HttpClient Create() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 4096,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    { Timeout = Timeout.InfiniteTimeSpan };
}
