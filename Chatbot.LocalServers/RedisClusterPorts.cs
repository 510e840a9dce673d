using System.Net;
using System.Net.Sockets;

namespace Chatbot.LocalServers;

/// <summary>
/// Ports for a Redis Cluster's nodes: free, below 30000, and with their cluster bus port
/// (the port + 10000, which every node also listens on) free too.
/// </summary>
public static class RedisClusterPorts
{
    public const int BusOffset = 10000;

    public static int[] Pick(int count)
    {
        var ports = new List<int>();
        while (ports.Count < count)
        {
            var port = Random.Shared.Next(20000, 30000 - 1);
            if (!ports.Contains(port) && IsFree(port) && IsFree(port + BusOffset))
            {
                ports.Add(port);
            }
        }
        return [.. ports];
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
