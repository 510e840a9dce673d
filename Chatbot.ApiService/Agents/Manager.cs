using System.Text.Json;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Telemetry;
using Chatbot.ApiService.Tools;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The team's manager. It is offered one <c>transfer_to_*</c> declaration per specialist and
/// <c>finish</c> (declared, never invoked: a call is read as a decision). In one turn it hands
/// every part of the question on and calls <c>finish</c>, so the last answer token ends the run;
/// only a part that needs an earlier part's answer makes it hand on without <c>finish</c> and
/// take another turn, with the answers as the transfers' results.
/// Shared by every run; the run's history with the manager is the caller's.
/// </summary>
public sealed class Manager
{
    public const string Name = "manager";

    private const string Instructions =
        "You are the manager of an energy-management assistant. Do not answer yourself: hand the latest question to the "
        + "specialists suited to it by calling their transfer functions. In one turn, call a transfer for every part of the "
        + "question, in the order asked, and call finish in the same turn; the specialists answer one after the other. "
        + "Only when a part needs another part's answer first, transfer the parts it needs without calling finish: their "
        + "answers come back as the transfers' results, and then you transfer the rest and call finish.";

    private const string FinishDescription =
        "Ends the answer once the transfers called with it are answered. Call it in the same turn as the last transfers.";

    private static readonly JsonElement NoParameters = JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement;

    private readonly IReadOnlyList<Specialist> _specialists;
    private readonly IChatClient _routing;
    private readonly ChatOptions _options;

    public Manager(IReadOnlyList<Specialist> specialists, IChatClient routing)
    {
        (_specialists, _routing) = (specialists, routing);
        _options = new ChatOptions
        {
            Tools =
            [
                .. specialists.Select(AITool (specialist) =>
                    AIFunctionFactory.CreateDeclaration(ToolNames.HandoffPrefix + specialist.Name, specialist.Description, NoParameters)),
                AIFunctionFactory.CreateDeclaration(ToolNames.Finish, FinishDescription, NoParameters),
            ],
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
        var writer = new ModelUpdateWriter(run, Name, streamsText: false);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in _routing.GetStreamingResponseAsync(history, _options, cancellationToken))
        {
            updates.Add(update);
            if (update.Contents.Any(content => content is TextReasoningContent { Text.Length: > 0 }))
            {
                await ShowAsync();
            }
            await writer.WriteAsync(update, cancellationToken);
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

/// <summary>
/// One manager turn's outcome: the hand-offs in call order, every function it called (each needs
/// a result if the manager is asked again), and whether it called <c>finish</c>.
/// </summary>
public sealed record ManagerDecision(IReadOnlyList<Handoff> Handoffs, IReadOnlyList<FunctionCallContent> Calls, bool Finished);

/// <summary>The manager's call to a <c>transfer_to_*</c> declaration, and the specialist it names.</summary>
public sealed record Handoff(FunctionCallContent Call, Specialist Specialist);
