using System.Globalization;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Endpoints;
using Chatbot.ApiService.Feedback;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Logging;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Chatbot.ApiService.Telemetry;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.ApiService.Tools.Portfolio;

namespace Chatbot.ApiService;

/// <summary>Registers the API's own services: agents, tools, model, memory, streaming, prewarm.</summary>
public static class ChatbotServices
{
    public static IHostApplicationBuilder AddChatbotApi(this IHostApplicationBuilder builder, StoreStatus stores)
    {
        var services = builder.Services;
        services.AddConversationMemory(stores);
        services.AddResumableRuns(stores);
        // Validated as the host starts: a bad setting stops the process with its key, not a request later.
        // Reflection-based DataAnnotations: the source-generated validator's Range drops ErrorMessage, the key's name.
        services.AddOptionsWithValidateOnStart<RequestLimits>().BindConfiguration(RequestLimits.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<StreamingOptions, StreamingOptionsValidator>().BindConfiguration(StreamingOptions.Section);
        services.AddOptionsWithValidateOnStart<PrewarmOptions>().BindConfiguration(PrewarmOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<RunBudgetOptions>().BindConfiguration(RunBudgetOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section).ValidateDataAnnotations();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.Parse(ShutdownOptions.HostShutdownTimeout, CultureInfo.InvariantCulture));
        services.AddSingleton<RunRegistry>();
        services.AddHostedService<GracefulShutdown>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ChatbotMetrics>();
        services.AddProblemDetails();
        builder.AddLogRedaction();

        var data = Path.Combine(AppContext.BaseDirectory, "Data");
        services.AddOptionsWithValidateOnStart<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<KnowledgeLibrary>();
        services.AddPortfolio(data);

        builder.AddModelClient();
        services.AddSingleton<AgentRuntimeProvider>();
        services.AddSingleton<ChatTurnRunner>();
        services.AddSingleton<AnswerCoordinator>();
        services.AddSingleton<ResumableRuns>();
        services.AddSingleton<QuestionRequestReader>();
        services.AddSingleton<AnswerFeedback>();

        services.AddSingleton<RehearsalAnswers>();
        services.AddSingleton<Rehearsal>();
        services.AddSingleton<PrewarmService>();
        services.AddHostedService<StartupPrewarmService>();
        services.AddHealthChecks()
            .AddCheck<AgentReadinessHealthCheck>(AgentReadinessHealthCheck.Name)
            .AddCheck<PlatformHealthCheck>(PlatformHealthCheck.Name);
        return builder;
    }
}
