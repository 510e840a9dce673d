using System.Text.Json;
using Chatbot.ApiService.Telemetry;
using Chatbot.ApiService.Tools;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The team's manager. It is offered one <c>transfer_to_*</c> declaration per specialist (declared,
/// never invoked: a call is read as a hand-off). Its first turn must hand off where the provider
/// can require a tool call; every later turn, after a specialist's answer came back as the
/// transfer's result, also offers <c>finish</c>, and ends the answer with it or with no call.
/// Shared by every run; the run's history with the manager is the caller's.
/// </summary>
public sealed class Manager
{
    public const string Name = "manager";

    private const string Instructions =
        "You are the manager of an energy-management assistant. Do not answer yourself: hand the latest question to the "
        + "specialist best suited to it by calling its transfer function. A question with parts for different specialists "
        + "goes to them one at a time. Each specialist's answer comes back as its transfer's result; then hand the next "
        + "unanswered part on, or call finish when every part of the question is answered.";

    private const string FinishDescription = "Ends the answer: every part of the latest question has been answered.";

    private static readonly JsonElement NoParameters = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;

    private readonly IReadOnlyList<Specialist> _specialists;
    private readonly IChatClient _routing;
    private readonly ChatOptions _firstTurn;
    private readonly ChatOptions _laterTurn;

    public Manager(IReadOnlyList<Specialist> specialists, IChatClient routing)
    {
        (_specialists, _routing) = (specialists, routing);
        AITool[] transfers = [.. specialists.Select(AITool (specialist) =>
            AIFunctionFactory.CreateDeclaration(ToolNames.HandoffPrefix + specialist.Name, specialist.Description, NoParameters))];
        _firstTurn = new ChatOptions { Tools = transfers, ToolMode = ChatToolMode.RequireAny };
        _laterTurn = new ChatOptions
        {
            Tools = [.. transfers, AIFunctionFactory.CreateDeclaration(ToolNames.Finish, FinishDescription, NoParameters)],
            ToolMode = ChatToolMode.RequireAny,
        };
    }

    /// <summary>A run's history with the manager: its instructions, then the conversation.</summary>
    public static List<ChatMessage> StartHistory(IReadOnlyList<ChatMessage> conversation) =>
        [new ChatMessage(ChatRole.System, Instructions), .. conversation];

    /// <summary>
    /// One turn over <paramref name="history"/>, to which its reply is added. The first turn shows as
    /// <c>agent_start</c> at once; a later one only when it thinks aloud or hands off, so a plain finish
    /// leaves the timeline as it was. Reads to the end even after the hand-off, as some providers send
    /// usage after the call.
    /// </summary>
    public async Task<ManagerDecision> DecideAsync(List<ChatMessage> history, bool firstTurn, RunContext run, CancellationToken cancellationToken)
    {
        using var span = ChatbotActivities.StartAgentSpan(Name);
        var shown = false;
        async ValueTask ShowAsync()
        {
            if (!shown)
            {
                shown = true;
                await run.Sink.AgentStartAsync(Name, cancellationToken);
            }
        }

        if (firstTurn)
        {
            await ShowAsync();
        }
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _routing.GetStreamingResponseAsync(history, firstTurn ? _firstTurn : _laterTurn, cancellationToken))
        {
            updates.Add(update);
            if (update.Contents.Any(content => content is TextReasoningContent { Text.Length: > 0 }))
            {
                await ShowAsync();
            }
            foreach (var content in update.Contents)
            {
                await AgentRuntime.WriteReasoningAsync(content, run, cancellationToken);
            }
        }
        var reply = updates.ToChatResponse();
        history.AddRange(reply.Messages);
        var decision = Read(reply.Messages);
        if (decision.Handoffs.Count > 0)
        {
            await ShowAsync();
        }
        return decision;
    }

    private ManagerDecision Read(IEnumerable<ChatMessage> reply)
    {
        var calls = reply.SelectMany(message => message.Contents).OfType<FunctionCallContent>().ToArray();
        Handoff[] handoffs = [.. calls.Select(call => HandedTo(call.Name) is { } specialist ? new Handoff(call, specialist) : null).OfType<Handoff>()];
        return new ManagerDecision(handoffs, calls, calls.Any(call => call.Name == ToolNames.Finish));
    }

    private Specialist? HandedTo(string functionName) =>
        _specialists.FirstOrDefault(specialist => functionName == ToolNames.HandoffPrefix + specialist.Name);
}
