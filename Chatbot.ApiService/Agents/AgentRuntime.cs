using System.Diagnostics;
using System.Text.Json;
using Chatbot.ApiService.Telemetry;
using Chatbot.ApiService.Tools;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The agent team (the seed's compiled graph), and how it answers: the manager hands the question
/// to a specialist (the model is offered one <c>transfer_to_*</c> declaration per specialist, never
/// invoked; a model that calls none gets the first), the specialist answers with its tools, and
/// every model update becomes stream events. Built once per process, shared by every request; it
/// holds no per-run state.
/// </summary>
public sealed class AgentRuntime
{
    public const string ManagerName = "manager";

    private const string ManagerInstructions =
        "You are the manager of an energy-management assistant. Read the conversation and call exactly one "
        + "transfer function to hand the latest question to the specialist best suited to answer it. Do not answer yourself.";

    private static readonly JsonElement NoParameters = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;

    private readonly IChatClient _routing;
    private readonly IChatClient _answering;
    private readonly ChatOptions _handoffs;

    public AgentRuntime(long id, IReadOnlyList<Specialist> specialists, IChatClient routing, IChatClient answering, TimeSpan buildTime)
    {
        (Id, Specialists, _routing, _answering, BuildTime) = (id, specialists, routing, answering, buildTime);
        _handoffs = new ChatOptions
        {
            Tools = [.. specialists.Select(AITool (specialist) =>
                AIFunctionFactory.CreateDeclaration(ToolNames.HandoffPrefix + specialist.Name, specialist.Description, NoParameters))],
            ToolMode = ChatToolMode.Auto,
        };
    }

    /// <summary>Identifies this runtime in /prewarm and /health (the seed's id(agent)).</summary>
    public long Id { get; }

    public TimeSpan BuildTime { get; }

    public IReadOnlyList<Specialist> Specialists { get; }

    public async Task RunAsync(IReadOnlyList<ChatMessage> conversation, RunContext run, CancellationToken cancellationToken)
    {
        Specialist specialist;
        using (StartAgentSpan(ManagerName))
        {
            await run.Sink.AgentStartAsync(ManagerName, cancellationToken);
            specialist = await RouteAsync(conversation, run, cancellationToken);
        }
        using (StartAgentSpan(specialist.Name))
        {
            await run.Sink.AgentStartAsync(specialist.Name, cancellationToken);
            IEnumerable<ChatMessage> messages = [new ChatMessage(ChatRole.System, specialist.Instructions), .. conversation];
            await foreach (var update in _answering.GetStreamingResponseAsync(messages, specialist.OptionsFor(run), cancellationToken))
            {
                await WriteAsync(update, run, cancellationToken);
            }
        }
    }

    /// <summary>Model text to tokens, reasoning to thinking, usage to the run's count.</summary>
    public static async ValueTask WriteAsync(ChatResponseUpdate update, RunContext run, CancellationToken cancellationToken)
    {
        foreach (var content in update.Contents)
        {
            if (content is TextContent { Text.Length: > 0 } text)
            {
                await run.Sink.TokenAsync(text.Text, cancellationToken);
                run.Budget.CountOutputTokens(run.Sink.OutputTokens);
            }
            else
            {
                await WriteReasoningAsync(content, run, cancellationToken);
            }
        }
    }

    /// <summary>The manager's turn: reads to the end even after the hand-off, as some providers send usage after the call.</summary>
    private async Task<Specialist> RouteAsync(IReadOnlyList<ChatMessage> conversation, RunContext run, CancellationToken cancellationToken)
    {
        IEnumerable<ChatMessage> messages = [new ChatMessage(ChatRole.System, ManagerInstructions), .. conversation];
        Specialist? chosen = null;
        await foreach (var update in _routing.GetStreamingResponseAsync(messages, _handoffs, cancellationToken))
        {
            foreach (var content in update.Contents)
            {
                if (content is FunctionCallContent call && chosen is null && HandedTo(call.Name) is { } specialist)
                {
                    chosen = specialist;
                }
                else
                {
                    await WriteReasoningAsync(content, run, cancellationToken);
                }
            }
        }
        return chosen ?? Specialists[0];
    }

    private Specialist? HandedTo(string functionName) =>
        Specialists.FirstOrDefault(specialist => functionName == ToolNames.HandoffPrefix + specialist.Name);

    private static async ValueTask WriteReasoningAsync(AIContent content, RunContext run, CancellationToken cancellationToken)
    {
        switch (content)
        {
            case TextReasoningContent { Text.Length: > 0 } reasoning:
                await run.Sink.ThinkingAsync(reasoning.Text, cancellationToken);
                break;
            case UsageContent usage:
                run.AddUsage(usage.Details);
                break;
        }
    }

    private static Activity? StartAgentSpan(string agent) =>
        ChatbotActivities.Source.StartActivity($"agent {agent}")?.SetTag(ChatbotActivities.AgentTag, agent);
}
