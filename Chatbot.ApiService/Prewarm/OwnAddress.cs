using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Chatbot.ApiService.Prewarm;

/// <summary>Where this process can reach itself: the first address it listens on, plain HTTP first, a wildcard host as loopback.</summary>
public static class OwnAddress
{
    private static readonly string[] AnyHost = ["+", "*", "0.0.0.0", "[::]", "localhost"];

    /// <summary>Null when the server listens on no network address (an in-memory test host, a Unix socket).</summary>
    public static Uri? Of(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Select(Parse).OfType<Uri>()
            .OrderBy(address => address.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
    }

    private static Uri? Parse(string address)
    {
        var hostStart = address.IndexOf("://", StringComparison.Ordinal) + 3;
        var portStart = address.LastIndexOf(':');
        if (hostStart < 3 || portStart < hostStart || !int.TryParse(address.AsSpan(portStart + 1).TrimEnd('/'), out var port))
        {
            return null;
        }
        var scheme = address[..(hostStart - 3)];
        var host = address[hostStart..portStart];
        return scheme is "http" or "https"
            ? new UriBuilder(scheme, AnyHost.Contains(host) ? "127.0.0.1" : host, port).Uri
            : null;
    }
}
