using System.Diagnostics.Metrics;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Logging;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Telemetry;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// What answers a rehearsal: the process's own answer code (coordinator, runner, agents, tools,
/// model pipelines), but on the offline model at full speed (the configured model is never
/// called), with a memory of its own that nobody reads, measuring on a meter the service does not
/// export, and logging only warnings and errors.
/// </summary>
public sealed class RehearsalAnswers(IServiceProvider services)
{
    public const string MeterName = ChatbotTelemetry.ServiceName + ".Rehearsals";

    private readonly Lazy<AnswerCoordinator> _coordinator = new(() => Build(services));

    /// <summary>A request's services with the rehearsal's coordinator in place of the process's.</summary>
    public IServiceProvider Serving(IServiceProvider requestServices) => new Swapped(requestServices, _coordinator.Value);

    private static AnswerCoordinator Build(IServiceProvider services)
    {
        var metrics = new ChatbotMetrics(services.GetRequiredService<IMeterFactory>(), MeterName);
        var logs = new RedactingLoggerFactory(
            new LoggerFactory(services.GetServices<ILoggerProvider>(), new LoggerFilterOptions { MinLevel = LogLevel.Warning }),
            services.GetRequiredService<SecretRedactor>());
        var offline = ModelPipelines.Over(new OfflineChatClient(new OfflineModelOptions { TokenDelayMs = 0 }), ModelProviders.Offline, services);
        var runtimes = ActivatorUtilities.CreateInstance<AgentRuntimeProvider>(services, offline, metrics, logs.CreateLogger<AgentRuntime>());
        var runner = ActivatorUtilities.CreateInstance<ChatTurnRunner>(services,
            runtimes, offline, ActivatorUtilities.CreateInstance<InProcessConversationStore>(services), metrics, logs.CreateLogger<ChatTurnRunner>());
        return ActivatorUtilities.CreateInstance<AnswerCoordinator>(services, runner, metrics, logs.CreateLogger<AnswerCoordinator>());
    }

    private sealed class Swapped(IServiceProvider inner, AnswerCoordinator coordinator) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(AnswerCoordinator) ? coordinator : inner.GetService(serviceType);
    }
}
