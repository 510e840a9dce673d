using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>
/// One PV system, charge point or battery, in the shape of the platform's asset API
/// (docs/platform-api.md), which the sample file (Data/assets.json) shares. Its figures are
/// <see cref="Metrics"/>, so a new figure needs no code.
/// </summary>
public sealed record EnergyAsset
{
    public const string PvSystem = "pv_system";
    public const string ChargePoint = "charge_point";
    public const string Storage = "storage";

    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required string Site { get; init; }
    public required string Tenant { get; init; }
    public string Status { get; init; } = "unknown";
    public IReadOnlyList<AssetMetric> Metrics { get; init; } = [];

    /// <summary>The asset an API entry describes, or null when it lacks a field or has one of the wrong type.</summary>
    public static EnergyAsset? Read(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || Text(entry, "id") is not { } id || Text(entry, "kind") is not { } kind || Text(entry, "name") is not { } name
            || Text(entry, "site") is not { } site || Text(entry, "tenant") is not { } tenant)
        {
            return null;
        }
        return new EnergyAsset
        {
            Id = id, Kind = kind, Name = name, Site = site, Tenant = tenant,
            Status = Text(entry, "status") ?? "unknown",
            Metrics = entry.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array
                ? [.. metrics.EnumerateArray().Select(AssetMetric.Read).OfType<AssetMetric>()]
                : [],
        };
    }

    internal static string? Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
}

/// <summary>One figure of an asset: a name, a number or a text, and an optional unit ("yield last month", 21400, "kWh").</summary>
public sealed record AssetMetric(
    string Name,
    JsonElement Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit = null)
{
    /// <summary>The metric an entry describes, or null when it has no name or a value that is neither a number nor a text.</summary>
    public static AssetMetric? Read(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && EnergyAsset.Text(entry, "name") is { } name
        && entry.TryGetProperty("value", out var value) && value.ValueKind is JsonValueKind.Number or JsonValueKind.String
            ? new AssetMetric(name, value.Clone(), EnergyAsset.Text(entry, "unit"))
            : null;
}
