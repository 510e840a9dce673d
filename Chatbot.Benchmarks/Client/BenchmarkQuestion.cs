using static Chatbot.Contracts.Identity.IdentityHeaders;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// What every benchmark asks. With the offline model, "Explain tariffs and OPEX" is answered from
/// two knowledge articles in 99 word pieces: the nearest to 100 of the questions tried (see
/// docs/lab/2026-11-25-method.md). The identity headers are the gateway's usual set, so identity parsing
/// is on the measured path.
/// </summary>
public static class BenchmarkQuestion
{
    public const string Default = "Explain tariffs and OPEX";

    public static readonly IReadOnlyDictionary<string, string> IdentityHeaders = new Dictionary<string, string>
    {
        [Name(UserId)] = "u-100",
        [Name(UserName)] = "QmVuY2ggVXNlcg==",
        [Name(TenantId)] = "t-100",
        [Name(Role)] = "user",
        [Name(Systems)] = """["PV-001","PV-002"]""",
        [Name(ChargePoints)] = """["CP-101","CP-102"]""",
        [Name(Storage)] = """["BAT-501"]""",
    };
}
