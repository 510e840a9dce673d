using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Endpoints;
using Chatbot.ApiService.Limits;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Logging;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Stores;
using Chatbot.ApiService.Streaming;
using Chatbot.ApiService.Telemetry;
using Chatbot.ApiService.Tools;

namespace Chatbot.ApiService;

/// <summary>Registers the API's own services: agents, tools, model, memory, streaming, prewarm.</summary>
public static class ChatbotServices
{
    public static IHostApplicationBuilder AddChatbotApi(this IHostApplicationBuilder builder, StoreStatus stores)
    {
        var services = builder.Services;
        services.AddConversationMemory(stores);
        services.AddResumableRuns(stores);
        services.AddOptions<RequestLimits>().BindConfiguration(RequestLimits.Section);
        services.AddOptions<StreamingOptions>().BindConfiguration(StreamingOptions.Section);
        services.AddOptions<PrewarmOptions>().BindConfiguration(PrewarmOptions.Section);
        services.AddOptions<RunBudgetOptions>().BindConfiguration(RunBudgetOptions.Section);
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section);
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<RunRegistry>();
        services.AddHostedService<GracefulShutdown>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ChatbotMetrics>();
        services.AddProblemDetails();
        builder.AddLogRedaction();

        var data = Path.Combine(AppContext.BaseDirectory, "Data");
        services.AddSingleton(_ => KnowledgeBase.Load(Path.Combine(data, "knowledge.json")));
        services.AddSingleton(_ => AssetCatalog.Load(Path.Combine(data, "assets.json")));

        builder.AddModelClient();
        services.AddSingleton<AgentRuntimeFactory>();
        services.AddSingleton<RehearsalRuntime>();
        services.AddSingleton<AgentRuntimeProvider>();
        services.AddSingleton<ChatTurnRunner>();
        services.AddSingleton<AnswerCoordinator>();
        services.AddSingleton<ResumableRuns>();
        services.AddSingleton<QuestionRequestReader>();

        services.AddSingleton<HttpWarmup>();
        services.AddSingleton<MemoryWarmup>();
        services.AddSingleton<PrewarmService>();
        services.AddHostedService<StartupPrewarmService>();
        services.AddHealthChecks().AddCheck<AgentReadinessHealthCheck>(AgentReadinessHealthCheck.Name);
        return builder;
    }
}
