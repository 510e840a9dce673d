namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary><c>Chatbot:Portfolio</c>: where the portfolio tools read the user's assets (docs/platform-api.md).</summary>
public sealed class PortfolioOptions
{
    public const string Section = "Chatbot:Portfolio";
    public const string Sample = "sample";
    public const string Http = "http";

    /// <summary><c>sample</c> (Data/assets.json) or <c>http</c> (the platform's asset API); unset: http when <see cref="BaseAddress"/> is set, sample otherwise.</summary>
    public string? Source { get; set; }

    /// <summary>The platform's asset API, an absolute http(s) URL; the assets are at <c>{BaseAddress}/assets</c>.</summary>
    public string? BaseAddress { get; set; }

    /// <summary>How long one read of the platform may take with its retries, before the tool says it cannot reach it.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a user's read is kept, so the tool calls of one answer ask the platform once; zero keeps none.</summary>
    public TimeSpan CacheFor { get; set; } = TimeSpan.FromSeconds(30);

    public string SourceName =>
        string.IsNullOrWhiteSpace(Source) ? string.IsNullOrWhiteSpace(BaseAddress) ? Sample : Http : Source.Trim().ToLowerInvariant();

    /// <summary>The base address with a trailing slash, so that <c>assets</c> resolves under its path; null unless it is an absolute http(s) URL.</summary>
    public Uri? BaseUri =>
        Uri.TryCreate(BaseAddress?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new Uri(uri.AbsoluteUri.EndsWith('/') ? uri.AbsoluteUri : uri.AbsoluteUri + "/")
            : null;
}
