using Chatbot.ApiService.Llm.Bedrock;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Llm.OpenAI;
using Chatbot.ApiService.Llm.Retries;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Llm;

/// <summary>Registers the configured provider as the process's <see cref="IChatClient"/>.</summary>
public static class ModelClientRegistration
{
    public static IHostApplicationBuilder AddModelClient(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptionsWithValidateOnStart<LlmOptions, LlmOptionsValidator>().BindConfiguration(LlmOptions.Section)
            .PostConfigure<IConfiguration>(ModelConnectionString.Apply);
        // One HttpClient for the provider SDK and the prewarm request, so prewarm opens the very
        // connection the first question uses. Streams are bounded by cancellation, not a timeout.
        builder.Services.AddSingleton(_ => new ModelHttpClient(new HttpClient(new ThrottledResponseHandler
        {
            InnerHandler = new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            },
        })
        { Timeout = Timeout.InfiniteTimeSpan }));
        builder.Services.AddSingleton(services => Create(
            services.GetRequiredService<IOptions<LlmOptions>>().Value,
            services.GetRequiredService<ModelHttpClient>().Http));
        builder.Services.AddSingleton<ModelConnectionWarmer>();
        builder.Services.AddModelPipelines(builder.Configuration);
        return builder;
    }

    public static IChatClient Create(LlmOptions options, HttpClient http) => options.ProviderName switch
    {
        ModelProviders.Bedrock => BedrockChatClientFactory.Create(options, http),
        ModelProviders.OpenAI => OpenAIChatClientFactory.Create(options, http),
        _ => new OfflineChatClient(options.OfflineModel),
    };
}
