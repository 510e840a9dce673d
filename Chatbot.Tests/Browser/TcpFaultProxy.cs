using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Chatbot.Tests.Browser;

/// <summary>
/// A loopback TCP proxy in front of one port that can drop the network on cue: <see cref="CutAll"/>
/// resets every open connection and can refuse new ones for a while.
/// </summary>
/// <remarks>
/// Hand-written: the feed has no in-process TCP fault injector (Toxiproxy needs its own server
/// and Docker, which these machines do not run), and an HTTP-level proxy such as YARP cannot cut
/// a connection mid-response the way a network drop does.
/// </remarks>
public sealed class TcpFaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly CancellationTokenSource _stopped = new();
    private readonly Task _accepting;
    private long _refuseUntilTicks;

    private TcpFaultProxy(int targetPort, TimeProvider clock)
    {
        _targetPort = targetPort;
        _clock = clock;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Forwards to <paramref name="targetPort"/>; <paramref name="clock"/> times the refusals (a test's own clock).</summary>
    public static TcpFaultProxy Start(int targetPort, TimeProvider? clock = null) => new(targetPort, clock ?? TimeProvider.System);

    /// <summary>Resets every open connection; new ones are reset on arrival for <paramref name="refuseNewFor"/>.</summary>
    public void CutAll(TimeSpan refuseNewFor = default)
    {
        Interlocked.Exchange(ref _refuseUntilTicks, _clock.GetUtcNow().Add(refuseNewFor).UtcTicks);
        foreach (var socket in _open.Keys)
        {
            Reset(socket);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopped.CancelAsync();
        _listener.Stop();
        CutAll();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stopped.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopped.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stopped.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (_clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _refuseUntilTicks))
            {
                Reset(client);
                continue;
            }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _open.TryAdd(client, 0);
        _open.TryAdd(upstream, 0);
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _targetPort, _stopped.Token);
            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
            // Either direction ending (or being cut) ends the pair.
            await Task.WhenAny(clientStream.CopyToAsync(upstreamStream, _stopped.Token), upstreamStream.CopyToAsync(clientStream, _stopped.Token));
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or IOException)
        {
            // Cut, refused, or the proxy stopped.
        }
        finally
        {
            Close(client);
            Close(upstream);
        }
    }

    /// <summary>Closes with an RST (zero linger), as a dropped network looks to the peer.</summary>
    private void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile.
        }
        _open.TryRemove(socket, out _);
    }

    private void Close(Socket socket)
    {
        if (_open.TryRemove(socket, out _))
        {
            socket.Dispose();
        }
    }
}
