using Chatbot.ApiService.Tools.Portfolio;
using StackExchange.Redis;

namespace Chatbot.ApiService;

/// <summary>
/// Builds the slow singletons (the Redis connection, which connects synchronously when first
/// built, and the data files) on the thread pool while the main thread builds the pipeline and
/// starts the host, instead of one after another on the main thread when a hosted service first
/// needs them. A service that needs one meanwhile waits for the same instance.
/// </summary>
public static class StartupPreload
{
    public static void Begin(IServiceProvider services)
    {
        Preload<IConnectionMultiplexer>(services);
        Preload<IPortfolioSource>(services);
    }

    private static void Preload<T>(IServiceProvider services) where T : class =>
        // A failure here is met again, and reported, where the service is really needed.
        _ = Task.Run(() => services.GetService<T>()).ContinueWith(
            static task => _ = task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
