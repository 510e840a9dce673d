using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Chatbot.ApiService.Prewarm;

/// <summary>Where this process can reach itself: the first address it listens on, plain HTTP first, a wildcard host as loopback.</summary>
public static class OwnAddress
{
    private static readonly string[] AnyHost = ["+", "*", "0.0.0.0", "[::]", "localhost"];

    /// <summary>Null when the server listens on no network address (an in-memory test host, a Unix socket or named pipe).</summary>
    public static Uri? Of(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Select(BindingAddress.Parse)
            .Where(address => !address.IsUnixPipe && !address.IsNamedPipe && address.Scheme is "http" or "https")
            .OrderBy(address => address.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .Select(address => new UriBuilder(address.Scheme, AnyHost.Contains(address.Host) ? "127.0.0.1" : address.Host, address.Port).Uri)
            .FirstOrDefault();
    }
}
