using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Telemetry;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The agent team on the offline model at full speed, streamed in bursts as a network model
/// streams (<see cref="BurstyChatClient"/>), for prewarm's rehearsals: the same agents, tools and
/// pipelines as the configured runtime, but the configured model is never called and its tool
/// calls are counted on the rehearsals' meter.
/// </summary>
public sealed class RehearsalRuntime([FromKeyedServices(ChatbotMetrics.RehearsalMeterName)] ChatbotMetrics metrics, IServiceProvider services)
{
    private readonly Lazy<AgentRuntime> _runtime = new(() => ActivatorUtilities.CreateInstance<AgentRuntimeFactory>(services, metrics)
        .Create(ModelPipelines.Over(new BurstyChatClient(new OfflineChatClient(new OfflineModelOptions { TokenDelayMs = 0 })), services)));

    public AgentRuntime Runtime => _runtime.Value;
}
