using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Whether a request comes from a gateway that vouches for its identity headers: it carries the
/// gateway's secret (constant-time compare, exactly one value), or its connection comes from a
/// trusted address or network. The address is the connection's own
/// (<see cref="ConnectionAddress"/>): an <c>X-Forwarded-For</c> never counts.
/// </summary>
public sealed class GatewayProof
{
    private readonly byte[] _secret;
    private readonly string _secretHeader;
    private readonly IPNetwork[] _trusted;

    /// <param name="trustedSetting">The setting that lists <paramref name="trusted"/>, named when an entry is not an address.</param>
    public GatewayProof(string? secret, string secretHeader, IEnumerable<string> trusted, string trustedSetting)
    {
        _secret = Encoding.UTF8.GetBytes(secret ?? "");
        _secretHeader = secretHeader;
        _trusted = IPNetworks.Parse(trusted, trustedSetting);
    }

    /// <summary>False when neither a secret nor a trusted network is configured: nothing can prove anything.</summary>
    public bool IsConfigured => _secret.Length > 0 || _trusted.Length > 0;

    public bool IsProven(HttpContext context) =>
        IPNetworks.Contains(_trusted, ConnectionAddress.Of(context)) || HasSecret(context.Request.Headers);

    private bool HasSecret(IHeaderDictionary headers)
    {
        var presented = headers[_secretHeader];
        return _secret.Length > 0 && presented.Count == 1
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented.ToString()), _secret);
    }
}
