using Chatbot.Contracts.Identity;
using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Portfolio.Support;

/// <summary>The API reading the portfolio from a <see cref="FakePlatform"/>, and the Hamburg user who asks with a platform token.</summary>
public static class PortfolioApi
{
    public const string Token = "platform-token-7f3a9c";
    public const string GatewaySecret = "gateway-secret-for-portfolio-tests";

    public static readonly AltecoContext Hamburg = new()
    {
        UserId = "u-100", TenantId = "t-100", UserSystems = ["PV-001", "PV-002", "PV-003"], ChargePoints = ["CP-101"], Storage = [],
    };

    /// <summary>
    /// PV-001 and CP-101 are Hamburg's; PV-003 is another tenant's although Hamburg's list names it;
    /// PV-009 is Hamburg's tenant's but not in its list; two entries are not assets at all.
    /// </summary>
    public const string Answer = """
        [
          {"id": "PV-001", "kind": "pv_system", "name": "Warehouse roof Nord", "site": "Hamburg depot", "tenant": "t-100", "status": "ok",
           "metrics": [{"name": "capacity", "value": 250, "unit": "kWp"}, {"name": "inverter rating", "value": "A+"}, {"name": "broken", "value": {"x": 1}}]},
          {"id": "CP-101", "kind": "charge_point", "name": "Depot AC 1-4", "site": "Hamburg depot", "tenant": "t-100", "status": "ok", "metrics": []},
          {"id": "PV-003", "kind": "pv_system", "name": "Plant roof", "site": "Munich plant", "tenant": "t-200", "status": "ok", "metrics": []},
          {"id": "PV-009", "kind": "pv_system", "name": "Unlisted roof", "site": "Hamburg depot", "tenant": "t-100", "status": "ok", "metrics": []},
          {"kind": "pv_system", "name": "No id", "site": "Hamburg depot", "tenant": "t-100"},
          "not an asset"
        ]
        """;

    /// <summary>In gateway mode, as deployed: identity headers believed with the gateway's secret.</summary>
    public static ApiFactory Over(FakePlatform platform) => new ApiFactory()
        .With("Chatbot:Auth:Mode", "gateway")
        .With("Chatbot:Auth:GatewaySecret", GatewaySecret)
        .With("Chatbot:Portfolio:BaseAddress", platform.BaseAddress);

    /// <summary>What the gateway sends for <paramref name="identity"/>: its headers, its access token, the secret.</summary>
    public static (string Name, string Value)[] Headers(AltecoContext identity, string? token = Token) =>
    [
        .. CallerHeaders.Of(identity),
        .. token is null ? [] : new[] { CallerHeaders.Field(IdentityHeaders.AccessToken, token) },
        CallerHeaders.GatewaySecret(GatewaySecret),
    ];
}
