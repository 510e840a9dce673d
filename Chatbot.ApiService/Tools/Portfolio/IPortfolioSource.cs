using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>Where the portfolio tools read a user's assets: the sample file or the platform's asset API (<see cref="PortfolioOptions.Source"/>).</summary>
public interface IPortfolioSource
{
    /// <summary>The assets the source gives for <paramref name="caller"/>, before our own rules (<see cref="AssetCatalog"/>); never throws for the source's failures.</summary>
    Task<PortfolioRead> ReadAsync(AltecoContext caller, CancellationToken cancellationToken);

    /// <summary>Opens the source before the first question; a sentence on what it reached, or an exception when it could not.</summary>
    Task<string> WarmAsync(CancellationToken cancellationToken);

    /// <summary>Whether the source answered the last time it was asked, for readiness.</summary>
    PortfolioStatus Status { get; }
}

/// <summary>A read: the catalog, or the sentence the tool answers with instead.</summary>
public sealed record PortfolioRead(AssetCatalog? Catalog, string Problem = "")
{
    public static PortfolioRead Of(AssetCatalog catalog) => new(catalog);

    public static PortfolioRead Unavailable(string problem) => new(null, problem);
}

/// <summary>Whether the source answered when last asked, and what it said.</summary>
public sealed record PortfolioStatus(bool Reachable, string Detail);
