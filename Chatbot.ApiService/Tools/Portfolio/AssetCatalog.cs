using System.Text.Json;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>
/// A portfolio as a source gave it, and our own rules over it: a user sees only the assets of
/// their own tenant that their identity lists (user_systems, charge_points, storage), whatever
/// the source sent; a list naming another tenant's asset grants nothing. A superAdmin sees all.
/// </summary>
public sealed class AssetCatalog(IReadOnlyList<EnergyAsset> assets)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public int Count => assets.Count;

    /// <summary>The JSON array of assets of the platform's contract; entries it cannot read are left out and counted.</summary>
    public static bool TryParse(string json, out AssetCatalog catalog, out int dropped)
    {
        (catalog, dropped) = (new AssetCatalog([]), 0);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            var entries = document.RootElement.EnumerateArray().Select(EnergyAsset.Read).ToArray();
            (catalog, dropped) = (new AssetCatalog(entries.OfType<EnergyAsset>().ToArray()), entries.Count(entry => entry is null));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

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
