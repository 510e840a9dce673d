using System.ComponentModel;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>The portfolio specialist's tools: the asking user's own assets only.</summary>
public sealed class PortfolioTools(AssetCatalog catalog)
{
    public const string ListMyAssets = "list_my_assets";
    public const string GetAsset = "get_asset";

    [KernelFunction(ListMyAssets)]
    [Description("Lists the user's own PV systems, charge points and storage with their status and last month's figures.")]
    public string List(Kernel kernel,
        [Description("Optional filter: pv_system, charge_point or storage; empty for all")] string kind = "")
    {
        var assets = catalog.VisibleTo(ToolCaller.From(kernel))
            .Where(asset => string.IsNullOrWhiteSpace(kind) || asset.Kind == kind.Trim())
            .ToArray();
        return assets.Length == 0
            ? "No assets are linked to this user."
            : JsonSerializer.Serialize(assets, AssetCatalog.Json);
    }

    [KernelFunction(GetAsset)]
    [Description("Returns one of the user's assets by id, e.g. PV-001, CP-101 or BAT-501.")]
    public string Get(Kernel kernel, [Description("The asset id")] string assetId)
    {
        var asset = catalog.Find(ToolCaller.From(kernel), assetId);
        return asset is null
            ? $"Asset {assetId} was not found."
            : JsonSerializer.Serialize(asset, AssetCatalog.Json);
    }
}
