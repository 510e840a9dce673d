using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Logging;

/// <summary>
/// The safety net under "access tokens are never logged": every log event of the process, ours
/// and the framework's (Kestrel quotes a malformed header line, tokens included, at Debug),
/// passes through <see cref="SecretRedactor"/> before any provider (console, OpenTelemetry)
/// sees it. Our own code still logs no headers, tokens or user ids in the first place.
/// </summary>
public static class LogRedaction
{
    public static IHostApplicationBuilder AddLogRedaction(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => SecretRedactor.FromConfiguration(services.GetRequiredService<IConfiguration>()));
        // Providers and filters stay the framework's own: the real LoggerFactory is built exactly as
        // AddLogging would build it (so Logging:LogLevel and provider aliases keep working), then wrapped.
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new RedactingLoggerFactory(
            new LoggerFactory(
                services.GetServices<ILoggerProvider>(),
                services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
                services.GetService<IOptions<LoggerFactoryOptions>>(),
                services.GetService<IExternalScopeProvider>()),
            services.GetRequiredService<SecretRedactor>())));
        return builder;
    }
}
