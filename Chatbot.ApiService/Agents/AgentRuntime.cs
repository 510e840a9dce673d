using Chatbot.ApiService.Telemetry;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The agent team (the seed's compiled graph): a manager and its specialists over one model
/// pipeline. Built once per process and shared by every request; it holds no per-run state.
/// </summary>
public sealed class AgentRuntime(long id, Manager manager, IChatClient routing, IChatClient answering, TimeSpan buildTime)
{
    /// <summary>Identifies this runtime in /prewarm and /health (the seed's id(agent)).</summary>
    public long Id { get; } = id;

    public TimeSpan BuildTime { get; } = buildTime;

    public Manager Manager { get; } = manager;

    public async Task RunAsync(IReadOnlyList<ChatMessage> conversation, RunContext run, CancellationToken cancellationToken)
    {
        Specialist specialist;
        using (StartAgentSpan(Manager.Name))
        {
            await run.Sink.AgentStartAsync(Manager.Name, cancellationToken);
            specialist = await Manager.RouteAsync(routing, conversation, run, cancellationToken);
        }
        using (StartAgentSpan(specialist.Name))
        {
            await run.Sink.AgentStartAsync(specialist.Name, cancellationToken);
            await specialist.AnswerAsync(answering, conversation, run, cancellationToken);
        }
    }

    private static System.Diagnostics.Activity? StartAgentSpan(string agent) =>
        ChatbotActivities.Source.StartActivity($"agent {agent}")?.SetTag(ChatbotActivities.AgentTag, agent);
}
