using Chatbot.Contracts.Identity;

namespace Chatbot.Web.Identity;

/// <summary>
/// <c>Chatbot:Identity:Gateway</c>: the platform gateway in front of the web front end. Its identity
/// headers are believed only on a request that carries <see cref="Secret"/> or whose connection
/// comes from <see cref="TrustedNetworks"/>.
/// </summary>
public sealed class WebGatewayOptions
{
    public string? Secret { get; set; }

    public string SecretHeader { get; set; } = IdentityHeaders.GatewaySecret;

    /// <summary>Addresses or networks of the gateway (<c>10.0.0.7</c>, <c>10.0.0.0/24</c>), matched on the connection's own address.</summary>
    public string[] TrustedNetworks { get; set; } = [];

    public const string FieldsSetting = WebIdentityOptions.Section + ":Gateway:Fields";

    /// <summary>
    /// The identity fields the gateway sets (<c>user-id</c>, <c>user-tenant-id</c>, ...; empty: every
    /// field). A proven request's other fields are not read, so a browser header the gateway
    /// passes through cannot add one (a role, say).
    /// </summary>
    public string[] Fields { get; set; } = [];
}
