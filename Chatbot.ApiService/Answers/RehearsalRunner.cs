using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Streaming;
using Chatbot.ApiService.Telemetry;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// Prewarm's answers, through the same <see cref="ChatTurnRunner"/> code as a real answer (its
/// metrics, log calls and turn building too, so the first real answer finds them compiled), on
/// the offline runtime and with duties that leave no trace: memory is read from the real store
/// but never written, metrics go to a meter nobody exports, and only warnings and errors reach the log.
/// </summary>
public sealed class RehearsalRunner(
    RehearsalRuntime runtime,
    [FromKeyedServices(ChatbotMetrics.RehearsalMeterName)] ChatbotMetrics metrics,
    IServiceProvider services)
{
    private readonly Lazy<ChatTurnRunner> _runner = new(() => ActivatorUtilities.CreateInstance<ChatTurnRunner>(services,
        new ReadOnlyConversationStore(services.GetRequiredService<IConversationStore>()),
        metrics,
        WarningsOnly(services).CreateLogger<ChatTurnRunner>()));

    /// <summary>The runner as prewarm uses it; the micro benchmark runs whole answers on it too.</summary>
    public ChatTurnRunner Runner => _runner.Value;

    public Task ProduceAsync(ChatTurn turn, RunEventSink sink, CancellationToken stop) =>
        Task.Run(() => Runner.ProduceAsync(runtime.Runtime, turn, sink, stop), CancellationToken.None);

    /// <summary>The process's own log providers, filtered: a rehearsal's completion line is noise, its failure is not.</summary>
    private static LoggerFactory WarningsOnly(IServiceProvider services) =>
        new(services.GetServices<ILoggerProvider>(), new LoggerFilterOptions { MinLevel = LogLevel.Warning });
}
