namespace Chatbot.Benchmarks.Client;

/// <summary>
/// What every benchmark asks. With the offline model, "Explain tariffs and OPEX" is answered from
/// two knowledge articles in 99 word pieces: the nearest to 100 of the questions tried (see
/// docs/benchmarks.md). The identity headers are the gateway's usual set, so identity parsing
/// is on the measured path.
/// </summary>
public static class BenchmarkQuestion
{
    public const string Default = "Explain tariffs and OPEX";

    public static readonly IReadOnlyDictionary<string, string> IdentityHeaders = new Dictionary<string, string>
    {
        ["alteco-user-id"] = "u-100",
        ["alteco-user-name"] = "QmVuY2ggVXNlcg==",
        ["alteco-user-tenant-id"] = "t-100",
        ["alteco-user-role"] = "user",
        ["alteco-user-systems"] = """["PV-001","PV-002"]""",
        ["alteco-user-charge-points"] = """["CP-101","CP-102"]""",
        ["alteco-user-storage"] = """["BAT-501"]""",
    };
}
