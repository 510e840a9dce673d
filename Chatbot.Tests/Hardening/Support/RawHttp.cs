using System.Net.Sockets;
using System.Text;

namespace Chatbot.Tests.Hardening.Support;

/// <summary>
/// Sends hand-written HTTP/1.1 bytes over a plain TCP socket, for what HttpClient refuses to
/// send (CR/LF, NUL or obs-fold in header values). Reads the answer until the server closes or
/// the announced body has arrived.
/// </summary>
public static class RawHttp
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>The response status (0 when the server closed without one) and the raw response text.</summary>
    public static async Task<RawResponse> SendAsync(Uri server, byte[] request)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(request, timeout.Token);
        return await ReadResponseAsync(stream, timeout.Token);
    }

    /// <summary>
    /// A POST of <paramref name="body"/> to <paramref name="path"/> with <paramref name="headerLines"/>
    /// written as given; <c>Connection: close</c>, so the answer ends when the server closes.
    /// </summary>
    public static byte[] Post(Uri server, string path, string headerLines, byte[] body) =>
        [.. Latin1($"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n{headerLines}\r\n"), .. body];

    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    public static async Task<RawResponse> ReadResponseAsync(Stream stream, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
                if (IsComplete(received))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // The server reset the connection after answering; what arrived is the answer.
        }
        return RawResponse.Parse(Encoding.Latin1.GetString(received.ToArray()));
    }

    private static bool IsComplete(MemoryStream received)
    {
        var text = Encoding.Latin1.GetString(received.GetBuffer(), 0, (int)received.Length);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (end < 0)
        {
            return false;
        }
        var response = RawResponse.Parse(text);
        return response.IsChunked
            ? response.Body.EndsWith("0\r\n\r\n", StringComparison.Ordinal)
            : response.ContentLength is { } length && response.Body.Length >= length;
    }
}
