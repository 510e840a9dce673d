using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// Whether a request comes from the gateway: it carries the gateway's secret (constant-time
/// compare), or its connection comes from a trusted proxy address or network. The address is the
/// connection's own (<see cref="ConnectionAddress"/>): an <c>X-Forwarded-For</c> never counts.
/// </summary>
public sealed class GatewayProof(IOptions<AuthOptions> options)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(options.Value.GatewaySecret ?? "");
    private readonly IPNetwork[] _trusted = IPNetworks.Parse(options.Value.TrustedProxies, $"{AuthOptions.Section}:TrustedProxies");

    public bool IsProven(HttpContext context) =>
        IPNetworks.Contains(_trusted, ConnectionAddress.Of(context)) || HasSecret(context.Request.Headers);

    private bool HasSecret(IHeaderDictionary headers)
    {
        var presented = headers[options.Value.GatewaySecretHeader];
        return _secret.Length > 0 && presented.Count == 1
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented.ToString()), _secret);
    }
}
