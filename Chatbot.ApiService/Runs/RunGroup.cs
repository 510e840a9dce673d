using System.Security.Cryptography;
using System.Text;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// A run id begins with its owner's group: four hex digits of a hash of the owner. A store keeps
/// an owner's runs and open-answer count together by it (in Redis one hash tag, so one script
/// admits a run and stores its first event even on a cluster) and still finds a run by its id
/// alone. Sixteen bits of a hash say nothing about who the owner is.
/// </summary>
public static class RunGroup
{
    public const int Length = 4;

    public static string Of(string owner) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(owner)).AsSpan(0, Length / 2));

    /// <summary>The group a run id names; ids of any other shape are their own group (and found nowhere).</summary>
    public static string OfRun(string runId) => runId.Length > Length ? runId[..Length] : runId;

    /// <summary>32 hex digits, as every run id: the owner's group, then 28 random ones.</summary>
    public static string NewRunId(string owner) => Of(owner) + Guid.NewGuid().ToString("N")[Length..];
}
