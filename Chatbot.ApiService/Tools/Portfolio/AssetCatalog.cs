using System.Text.Json;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>
/// The sample portfolio. A user sees only the assets of their own tenant that their identity lists
/// (user_systems, charge_points, storage): a list naming another tenant's asset grants nothing.
/// A superAdmin sees all.
/// </summary>
public sealed class AssetCatalog(IReadOnlyList<EnergyAsset> assets)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public static AssetCatalog Load(string path) =>
        new(JsonSerializer.Deserialize<EnergyAsset[]>(File.ReadAllText(path), Json) ?? []);

    public IReadOnlyList<EnergyAsset> VisibleTo(AltecoContext identity) =>
        assets.Where(asset => IsVisible(asset, identity)).ToArray();

    /// <summary>The asset, or null when it does not exist or belongs to someone else (no difference shown).</summary>
    public EnergyAsset? Find(AltecoContext identity, string id) =>
        assets.FirstOrDefault(asset => string.Equals(asset.Id, id.Trim(), StringComparison.OrdinalIgnoreCase) && IsVisible(asset, identity));

    private static bool IsVisible(EnergyAsset asset, AltecoContext identity)
    {
        if (identity.IsAlteco)
        {
            return true;
        }
        if (!string.Equals(asset.Tenant, identity.TenantId, StringComparison.Ordinal))
        {
            return false;
        }
        var granted = asset.Kind switch
        {
            EnergyAsset.PvSystem => identity.UserSystems,
            EnergyAsset.ChargePoint => identity.ChargePoints,
            EnergyAsset.Storage => identity.Storage,
            _ => [],
        };
        return granted.Contains(asset.Id, StringComparer.OrdinalIgnoreCase);
    }
}
