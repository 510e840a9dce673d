using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>Refuses <c>Chatbot:Portfolio</c> settings at start, naming the key: a known source, and the http source only with a base address to call.</summary>
public sealed class PortfolioOptionsValidator : IValidateOptions<PortfolioOptions>
{
    public static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(1);
    private const string Section = PortfolioOptions.Section;

    public ValidateOptionsResult Validate(string? name, PortfolioOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(PortfolioOptions options)
    {
        if (options.SourceName is not (PortfolioOptions.Sample or PortfolioOptions.Http))
        {
            yield return $"{Section}:Source must be sample or http, not '{options.Source}'.";
        }
        if (options.SourceName == PortfolioOptions.Http && options.BaseUri is null)
        {
            yield return $"{Section}:BaseAddress must be an absolute http(s) URL for the http portfolio source, not '{options.BaseAddress}'.";
        }
        if (options.Timeout < MinTimeout || options.Timeout > MaxTimeout)
        {
            yield return $"{Section}:Timeout must be between {MinTimeout} and {MaxTimeout} (it is {options.Timeout}).";
        }
        if (options.CacheFor < TimeSpan.Zero)
        {
            yield return $"{Section}:CacheFor must not be negative (it is {options.CacheFor}).";
        }
    }
}
