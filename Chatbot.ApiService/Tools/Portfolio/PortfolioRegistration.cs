using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Tools.Portfolio;

/// <summary>Registers the portfolio source <c>Chatbot:Portfolio</c> chooses, and the platform's HTTP client with the framework's resilience.</summary>
public static class PortfolioRegistration
{
    /// <summary>The largest asset list read from the platform; a larger answer counts as unreachable.</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddPortfolio(this IServiceCollection services, string dataFolder)
    {
        services.AddOptionsWithValidateOnStart<PortfolioOptions, PortfolioOptionsValidator>().BindConfiguration(PortfolioOptions.Section);
        services.TryAddKeyedSingleton(PortfolioCache.ClockKey, TimeProvider.System);
        services.AddSingleton<PortfolioCache>();
        services.AddSingleton<PlatformPortfolio>();
        services.AddSingleton(_ => SamplePortfolio.Load(Path.Combine(dataFolder, "assets.json")));
        services.AddSingleton<IPortfolioSource>(provider =>
            provider.GetRequiredService<IOptions<PortfolioOptions>>().Value.SourceName == PortfolioOptions.Http
                ? provider.GetRequiredService<PlatformPortfolio>()
                : provider.GetRequiredService<SamplePortfolio>());
        AddPlatformClient(services);
        return services;
    }

    /// <summary>
    /// Its own handler: no cookie jar (one user's cookie would go out with the next user's request)
    /// and no redirects (the token goes to the base address only). The service defaults' standard
    /// resilience is replaced by one sized to <see cref="PortfolioOptions.Timeout"/>, so an answer
    /// waits for the platform that long at most.
    /// </summary>
    private static void AddPlatformClient(IServiceCollection services)
    {
        var client = services.AddHttpClient(PlatformPortfolio.ClientName, (provider, http) =>
            {
                http.BaseAddress = provider.GetRequiredService<IOptions<PortfolioOptions>>().Value.BaseUri;
                http.MaxResponseContentBufferSize = MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented opt-out.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler()
            .Configure((resilience, provider) => Size(resilience, TimeoutOf(provider.GetRequiredService<IConfiguration>())));
    }

    /// <summary>
    /// The configured timeout, read without validating and kept within the allowed range: the
    /// resilience options are validated at start too, and a bad setting must be refused once, under
    /// its own key (<see cref="PortfolioOptionsValidator"/>).
    /// </summary>
    private static TimeSpan TimeoutOf(IConfiguration configuration)
    {
        var timeout = configuration.GetSection(PortfolioOptions.Section).Get<PortfolioOptions>()?.Timeout ?? new PortfolioOptions().Timeout;
        return TimeSpan.FromTicks(Math.Clamp(timeout.Ticks, PortfolioOptionsValidator.MinTimeout.Ticks, PortfolioOptionsValidator.MaxTimeout.Ticks));
    }

    /// <summary>Two tries after the first, quickly, each within half the total; the circuit's window as the framework requires (at least two tries long).</summary>
    private static void Size(HttpStandardResilienceOptions resilience, TimeSpan timeout)
    {
        resilience.TotalRequestTimeout.Timeout = timeout;
        resilience.AttemptTimeout.Timeout = timeout / 2;
        resilience.Retry.MaxRetryAttempts = 2;
        resilience.Retry.Delay = TimeSpan.FromMilliseconds(100);
        resilience.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * (timeout / 2).TotalSeconds));
    }
}
