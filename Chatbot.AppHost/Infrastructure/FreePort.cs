using System.Net;
using System.Net.Sockets;

namespace Chatbot.AppHost.Infrastructure;

/// <summary>
/// Picks a free loopback port for a local server. DCP proxies only endpoints it allocates for
/// itself; redis-server and mongod must be told their port on the command line, so we choose it.
/// </summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
