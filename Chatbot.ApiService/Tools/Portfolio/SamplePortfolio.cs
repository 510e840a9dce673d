using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>The sample portfolio (Data/assets.json, the platform API's shape): assets in Hamburg and Munich for development and demos.</summary>
public sealed class SamplePortfolio(AssetCatalog catalog) : IPortfolioSource
{
    public PortfolioStatus Status { get; } = new(true, "the sample portfolio");

    public static SamplePortfolio Load(string path) =>
        AssetCatalog.TryParse(File.ReadAllText(path), out var catalog, out var dropped) && dropped == 0
            ? new SamplePortfolio(catalog)
            : throw new InvalidDataException($"{path} is not a JSON array of assets in the shape of docs/platform-api.md.");

    public Task<PortfolioRead> ReadAsync(AltecoContext caller, CancellationToken cancellationToken) => Task.FromResult(PortfolioRead.Of(catalog));

    public Task<string> WarmAsync(CancellationToken cancellationToken) => Task.FromResult($"sample: {catalog.Count} assets");
}
