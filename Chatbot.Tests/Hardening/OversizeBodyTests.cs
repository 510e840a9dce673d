using System.Net;
using System.Net.Sockets;
using System.Text;
using Chatbot.Contracts.Api;
using Chatbot.Tests.Api.Support;
using Chatbot.Tests.Hardening.Support;

namespace Chatbot.Tests.Hardening;

/// <summary>
/// A 10 MB body is refused with 413 as soon as it is known to be too large: the client here sends
/// only the start of it and then waits, so a server that read the whole body first would never
/// answer (and the read would time out).
/// </summary>
[Collection(ApiProcessCollection.Name)]
public sealed class OversizeBodyTests(ApiProcess api)
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    [Fact]
    public async Task A_10_MB_body_announced_by_Content_Length_is_413_before_it_is_sent()
    {
        var head = RawHttp.Latin1($"POST {ChatbotRoutes.AskStream} HTTP/1.1\r\nHost: {api.BaseAddress.Authority}\r\nContent-Type: application/json\r\nContent-Length: {TenMegabytes}\r\nConnection: close\r\n\r\n");

        var response = await SendPartAsync([.. head, .. """{"question":" """u8]);

        Assert.Equal(413, response.Status);
        await AssertStillServingAsync();
    }

    [Fact]
    public async Task A_chunked_body_is_413_once_it_passes_the_limit_without_the_rest_being_sent()
    {
        var head = RawHttp.Latin1($"POST {ChatbotRoutes.AskStream} HTTP/1.1\r\nHost: {api.BaseAddress.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
        var chunk = new string('a', 16 * 1024);
        var chunks = string.Concat(Enumerable.Repeat($"{chunk.Length:x}\r\n{chunk}\r\n", 6));

        // 96 KB of a body that never ends (no last chunk): the limit is 64 KB.
        var response = await SendPartAsync([.. head, .. RawHttp.Latin1(chunks)]);

        Assert.Equal(413, response.Status);
        await AssertStillServingAsync();
    }

    /// <summary>Sends <paramref name="start"/>, then reads the answer without sending anything more.</summary>
    private async Task<RawResponse> SendPartAsync(byte[] start)
    {
        using var timeout = new CancellationTokenSource(RawHttp.Timeout);
        using var client = new TcpClient();
        await client.ConnectAsync(api.BaseAddress.Host, api.BaseAddress.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(start, timeout.Token);
        return await RawHttp.ReadResponseAsync(stream, timeout.Token);
    }

    private async Task AssertStillServingAsync()
    {
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = RawHttp.Timeout };
        using var content = new StringContent(BodyMutator.ValidJson("What is CAPEX?", "after-oversize"), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync(ChatbotRoutes.AskStream, content)).StatusCode);
    }
}
