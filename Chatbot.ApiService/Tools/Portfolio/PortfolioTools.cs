using System.ComponentModel;
using System.Text.Json;
using Chatbot.Contracts.Identity;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>The portfolio specialist's tools: the asking user's own assets only, from the configured source.</summary>
public sealed class PortfolioTools(IPortfolioSource portfolio)
{
    public const string ListMyAssets = "list_my_assets";
    public const string GetAsset = "get_asset";

    [KernelFunction(ListMyAssets)]
    [Description("Lists the user's own PV systems, charge points and storage with their status and metrics (name, value, unit).")]
    public Task<string> ListAsync(Kernel kernel,
        [Description("Optional filter: pv_system, charge_point or storage; empty for all")] string kind = "",
        CancellationToken cancellationToken = default) =>
        AnswerAsync(kernel, (catalog, caller) =>
        {
            var assets = catalog.VisibleTo(caller)
                .Where(asset => string.IsNullOrWhiteSpace(kind) || asset.Kind == kind.Trim())
                .ToArray();
            return assets.Length == 0
                ? "No assets are linked to this user."
                : JsonSerializer.Serialize(assets, AssetCatalog.Json);
        }, cancellationToken);

    [KernelFunction(GetAsset)]
    [Description("Returns one of the user's assets by id, e.g. PV-001, CP-101 or BAT-501.")]
    public Task<string> GetAsync(Kernel kernel, [Description("The asset id")] string assetId, CancellationToken cancellationToken = default) =>
        AnswerAsync(kernel, (catalog, caller) => catalog.Find(caller, assetId) is { } asset
            ? JsonSerializer.Serialize(asset, AssetCatalog.Json)
            : $"Asset {assetId} was not found.", cancellationToken);

    /// <summary>The caller's portfolio read once, and the tool's answer from it; the source's problem sentence when it could not be read.</summary>
    private async Task<string> AnswerAsync(Kernel kernel, Func<AssetCatalog, AltecoContext, string> answer, CancellationToken cancellationToken)
    {
        var caller = ToolCaller.From(kernel);
        var read = await portfolio.ReadAsync(caller, cancellationToken);
        return read.Catalog is { } catalog ? answer(catalog, caller) : read.Problem;
    }
}
