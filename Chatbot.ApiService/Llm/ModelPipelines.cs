using Chatbot.ApiService.Llm.Retries;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Llm;

/// <summary>
/// Composes the model's two pipelines, once, over the provider's raw <see cref="IChatClient"/>:
/// registered as keyed chat clients for the process, and built the same way over the offline
/// model for prewarm's throwaway runtime.
/// </summary>
public static class ModelPipelines
{
    public const string Routing = "routing";
    public const string Answering = "answering";
    public const string IncludeContentSetting = "Chatbot:Telemetry:IncludeContent";
    private const int MaxToolRoundTrips = 4;

    public static IServiceCollection AddModelPipelines(this IServiceCollection services, IConfiguration configuration)
    {
        var includeContent = configuration.GetValue(IncludeContentSetting, false);
        services.TryAddKeyedSingleton(ThrottlingRetryChatClient.ClockKey, TimeProvider.System);
        RoutingOver(services.AddKeyedChatClient(Routing, provider => provider.GetRequiredService<IChatClient>()), includeContent);
        AnsweringOver(services.AddKeyedChatClient(Answering, provider => provider.GetRequiredService<IChatClient>()), includeContent);
        services.AddSingleton(provider => new ModelClients(
            provider.GetRequiredKeyedService<IChatClient>(Routing),
            provider.GetRequiredKeyedService<IChatClient>(Answering),
            provider.GetRequiredService<IOptions<LlmOptions>>().Value.ProviderName));
        return services;
    }

    /// <summary>Both pipelines over another model (the rehearsal's offline one).</summary>
    public static ModelClients Over(IChatClient model, string provider, IServiceProvider services)
    {
        var includeContent = services.GetRequiredService<IConfiguration>().GetValue(IncludeContentSetting, false);
        return new ModelClients(
            RoutingOver(new ChatClientBuilder(model), includeContent).Build(services),
            AnsweringOver(new ChatClientBuilder(model), includeContent).Build(services),
            provider);
    }

    private static ChatClientBuilder RoutingOver(ChatClientBuilder model, bool includeContent) => model
        .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = includeContent)
        .Use(RetriedWhenThrottled);

    private static ChatClientBuilder AnsweringOver(ChatClientBuilder model, bool includeContent) => model
        .UseFunctionInvocation(configure: invocation =>
        {
            invocation.MaximumIterationsPerRequest = MaxToolRoundTrips;
            invocation.IncludeDetailedErrors = false;
        })
        .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = includeContent)
        .Use(RetriedWhenThrottled);

    private static IChatClient RetriedWhenThrottled(IChatClient model, IServiceProvider services) => new ThrottlingRetryChatClient(
        model,
        services.GetRequiredService<IOptions<LlmOptions>>().Value.Retry,
        services.GetRequiredKeyedService<TimeProvider>(ThrottlingRetryChatClient.ClockKey),
        services.GetRequiredService<ILogger<ThrottlingRetryChatClient>>());
}
