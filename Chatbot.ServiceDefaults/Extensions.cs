using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Telemetry, health checks, service discovery and resilience shared by every Chatbot service,
/// as in the Aspire starter template.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    private const string LiveTag = "live";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        SettingsRefusal.ExitOnRefusedSetting();
        builder.ConfigureOpenTelemetry();
        // The Redis client logs each step of every connect at Information, some fifty lines a start;
        // its warnings and errors (a connection lost) still show.
        builder.Logging.AddFilter("StackExchange.Redis", LogLevel.Warning);
        builder.AddDefaultHealthChecks();
        builder.AddForwardedHeadersPolicy();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ChatbotTelemetry.MeterNames))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(ChatbotTelemetry.ActivitySourceNames)
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    // Probes would drown every real trace.
                    aspnet.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath);
                    // A Blazor circuit is a SignalR hub: one short trace per render acknowledgement and
                    // browser event (dozens per answer) would bury the answers' traces. The web's call to
                    // the API still starts a trace of its own, with the API's spans under it.
                    aspnet.EnableAspNetCoreSignalRSupport = false;
                })
                .AddHttpClientInstrumentation()
                // Whatever sampler is configured, nothing under a span of this process that was dropped (a
                // probe the filter above leaves out) is recorded: Aspire's always_on would record the readiness
                // check's Redis PING on every probe, an orphan the dashboard lists as a trace of its own.
                .ConfigureSampler((_, configured) => new ParentBasedSampler(configured,
                    remoteParentSampled: configured,
                    remoteParentNotSampled: configured,
                    localParentSampled: configured,
                    localParentNotSampled: new AlwaysOffSampler())));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every check must pass) and <c>/alive</c> (liveness: only
    /// checks tagged "live"). Unlike the template these stay mapped outside Development, because
    /// Azure Container Apps probes them; they reveal only status names.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
        });
        return app;
    }
}
