using System.Net;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The address of the peer that opened the connection, as it was before the forwarded-headers
/// middleware replaced <see cref="ConnectionInfo.RemoteIpAddress"/> with whatever
/// <c>X-Forwarded-For</c> said. Anything that decides trust by address (a gateway, a sidecar)
/// reads it here, so no header can make a request look like it came from a trusted peer.
/// </summary>
public sealed class ConnectionAddress(IPAddress? address)
{
    public IPAddress? Address { get; } = address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;

    /// <summary>The captured address; throws when the capturing middleware is missing, rather than fall back to a forgeable one.</summary>
    public static IPAddress? Of(HttpContext context) =>
        (context.Features.Get<ConnectionAddress>() ?? throw new InvalidOperationException(
            "The connection address was not captured: call AddServiceDefaults on this service.")).Address;
}
