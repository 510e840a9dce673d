using System.Net;

namespace Microsoft.Extensions.Hosting;

/// <summary>Parses configured addresses and networks (<c>10.0.0.7</c>, <c>10.0.0.0/8</c>, <c>::1</c>).</summary>
public static class IPNetworks
{
    /// <summary>The networks, or an exception naming <paramref name="setting"/> and the bad entry.</summary>
    public static IPNetwork[] Parse(IEnumerable<string> entries, string setting) =>
        entries.Select(entry => ParseOne(entry.Trim(), setting))
            .ToArray();

    public static bool Contains(IEnumerable<IPNetwork> networks, IPAddress? address) =>
        address is not null && networks.Any(network => network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));

    private static IPNetwork ParseOne(string entry, string setting)
    {
        if (IPNetwork.TryParse(entry, out var network))
        {
            return network;
        }
        if (IPAddress.TryParse(entry, out var address))
        {
            return new IPNetwork(address, address.GetAddressBytes().Length * 8);
        }
        throw SettingsRefusal.Refuse(setting, $"{setting} must list IP addresses or networks (10.0.0.7, 10.0.0.0/8); '{entry}' is neither.");
    }
}
