using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Offline;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The agent team on the offline model at full speed, streamed in bursts as a network model
/// streams (<see cref="BurstyChatClient"/>), for prewarm's rehearsals: the same agents, tools and
/// pipelines as the configured runtime, but the configured model is never called.
/// </summary>
public sealed class RehearsalRuntime(AgentRuntimeFactory factory, IServiceProvider services)
{
    private readonly Lazy<AgentRuntime> _runtime = new(() =>
        factory.Create(ModelPipelines.Over(new BurstyChatClient(new OfflineChatClient(new OfflineModelOptions { TokenDelayMs = 0 })), services)));

    public AgentRuntime Runtime => _runtime.Value;
}
