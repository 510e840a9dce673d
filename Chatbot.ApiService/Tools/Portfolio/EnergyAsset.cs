using System.Text.Json.Serialization;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>One PV system, charge point or battery of the sample portfolio (Data/assets.json).</summary>
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
    public string Status { get; init; } = "ok";

    [JsonExtensionData]
    public Dictionary<string, object>? Figures { get; init; }
}
