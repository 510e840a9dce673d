using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Chatbot.Tests.Browser;

/// <summary>The fault proxy the resumable-stream browser test relies on: it forwards, cuts and refuses.</summary>
public sealed class TcpFaultProxyTests : IAsyncLifetime
{
    private readonly TcpListener _echo = new(IPAddress.Loopback, 0);
    private readonly FakeTimeProvider _clock = new();
    private TcpFaultProxy _proxy = null!;

    public Task InitializeAsync()
    {
        _echo.Start();
        _ = EchoAsync();
        _proxy = TcpFaultProxy.Start(((IPEndPoint)_echo.LocalEndpoint).Port, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        _echo.Stop();
    }

    [Fact]
    public async Task Forwards_both_ways()
    {
        using var client = await ConnectAsync();

        Assert.Equal("hello", await RoundTripAsync(client, "hello"));
    }

    [Fact]
    public async Task Cutting_resets_open_connections()
    {
        using var client = await ConnectAsync();
        await RoundTripAsync(client, "before");

        _proxy.CutAll();

        await Assert.ThrowsAnyAsync<IOException>(() => RoundTripAsync(client, "after"));
    }

    [Fact]
    public async Task New_connections_are_refused_for_the_pause_and_forwarded_after_it()
    {
        _proxy.CutAll(refuseNewFor: TimeSpan.FromSeconds(2));

        var during = await Record.ExceptionAsync(() => ConnectAndRoundTripAsync("during"));
        _clock.Advance(TimeSpan.FromSeconds(1.9));
        var stillDuring = await Record.ExceptionAsync(() => ConnectAndRoundTripAsync("still during"));
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        using var accepted = await ConnectAsync();

        Assert.Equal("later", await RoundTripAsync(accepted, "later"));
        Assert.True(during is IOException or SocketException, $"Expected a reset during the pause, got {during?.GetType().Name ?? "nothing"}.");
        Assert.True(stillDuring is IOException or SocketException, $"Expected a reset just before the pause ends, got {stillDuring?.GetType().Name ?? "nothing"}.");
    }

    private async Task ConnectAndRoundTripAsync(string text)
    {
        using var client = await ConnectAsync();
        await RoundTripAsync(client, text);
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _proxy.Port);
        return client;
    }

    private static async Task<string> RoundTripAsync(TcpClient client, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), timeout.Token);
        var buffer = new byte[text.Length];
        await stream.ReadExactlyAsync(buffer, timeout.Token);
        return Encoding.UTF8.GetString(buffer);
    }

    private async Task EchoAsync()
    {
        while (true)
        {
            Socket socket;
            try
            {
                socket = await _echo.AcceptSocketAsync();
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                using var stream = new NetworkStream(socket, ownsSocket: true);
                try
                {
                    await stream.CopyToAsync(stream);
                }
                catch (IOException)
                {
                    // The proxy cut it.
                }
            });
        }
    }
}
