using System.Net;
using System.Security.Cryptography;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Identity;

/// <summary>
/// How prewarm's own requests prove themselves: a key made when the process starts and never
/// written anywhere, sent in <see cref="Header"/> over a connection from this host to itself. A
/// proven request is a rehearsal (<see cref="CallerIdentity.IsRehearsal"/>) by <see cref="Rehearser"/>,
/// whatever its identity headers say: it is answered by the offline model and stores nothing, and
/// <see cref="CallerPolicies"/> keeps it from conversations and runs. The key travels in cleartext on
/// loopback, so whoever reads it there must get nothing but a rehearsal.
/// </summary>
public sealed class WarmupKey
{
    public const string Header = "x-chatbot-warmup";

    private readonly GatewayProof _proof;

    public WarmupKey()
    {
        Value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _proof = new GatewayProof(Value, Header, trusted: [], trustedSetting: Header);
    }

    public string Value { get; }

    /// <summary>
    /// Who every rehearsal is: its own per process, so replicas starting together share no limit.
    /// Not superAdmin, and its tenant and asset ids exist nowhere, so the portfolio answer runs its
    /// tools and shows no one's assets.
    /// </summary>
    public AltecoContext Rehearser { get; } = new()
    {
        UserId = $"prewarm-{Guid.NewGuid():N}",
        TenantId = "chatbot-prewarm",
        UserSystems = ["prewarm"],
        ChargePoints = ["prewarm"],
        Storage = ["prewarm"],
        LogId = "prewarm",
    };

    /// <summary>The request says it is a warm-up; only <see cref="Proves"/> says whether it is.</summary>
    public static bool IsClaimed(HttpContext context) => context.Request.Headers.ContainsKey(Header);

    public bool Proves(HttpContext context) => IsFromThisHost(context) && _proof.IsProven(context);

    /// <summary>The connection's own address (never a forwarded one) is the address it reached.</summary>
    private static bool IsFromThisHost(HttpContext context) =>
        ConnectionAddress.Of(context) is { } remote
        && (IPAddress.IsLoopback(remote) || remote.Equals(Normalized(context.Connection.LocalIpAddress)));

    private static IPAddress? Normalized(IPAddress? address) => address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
}
