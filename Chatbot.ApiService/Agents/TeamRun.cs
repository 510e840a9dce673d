using Chatbot.ApiService.Live;
using Chatbot.ApiService.Telemetry;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// One question through the team: the manager hands its parts to specialists, who answer one
/// after the other, a blank line apart, into the run's one stream. A turn that also called
/// <c>finish</c> ends the run with the last answer; a turn without it gets the answers back as
/// the hand-offs' results and decides again. Every hand-off counts as a tool call against the
/// run's budget, which is what ends a manager that never finishes.
/// </summary>
public sealed class TeamRun(Manager manager, Specialist fallback, IChatClient answering, IReadOnlyList<ChatMessage> conversation, ILogger logger)
{
    private const string AnswerSeparator = "\n\n";
    private const string NotAHandoff = "Not a function of this team.";
    private const string NoAnswer = "(The specialist gave no answer.)";

    private readonly List<ChatMessage> _managerHistory = Manager.StartHistory(conversation);
    private readonly List<string> _answers = [];

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var decision = await manager.DecideAsync(_managerHistory, firstTurn: true, run, cancellationToken);
        if (decision.Handoffs.Count == 0)
        {
            // Only a provider that cannot require a tool call, or a manager that finished without a transfer, gets here.
            logger.LogWarning("The manager called no transfer; the {Specialist} specialist answers", fallback.Name);
            await AnswerAsync(fallback, run, cancellationToken);
            return;
        }
        while (decision.Handoffs.Count > 0)
        {
            var results = await HandOffAsync(decision, run, cancellationToken);
            if (decision.Finished)
            {
                return;
            }
            _managerHistory.Add(new ChatMessage(ChatRole.Tool, results));
            decision = await manager.DecideAsync(_managerHistory, firstTurn: false, run, cancellationToken);
        }
    }

    /// <summary>Runs the turn's hand-offs in call order; a result for every call the turn made.</summary>
    private async Task<IList<AIContent>> HandOffAsync(ManagerDecision decision, RunContext run, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>();
        foreach (var handoff in decision.Handoffs)
        {
            run.Budget.CountToolCall();
            var answer = await AnswerAsync(handoff.Specialist, run, cancellationToken);
            answers[handoff.Call.CallId] = string.IsNullOrWhiteSpace(answer) ? NoAnswer : answer;
        }
        return [.. decision.Calls.Select(AIContent (call) => new FunctionResultContent(call.CallId, answers.GetValueOrDefault(call.CallId, NotAHandoff)))];
    }

    private async Task<string> AnswerAsync(Specialist specialist, RunContext run, CancellationToken cancellationToken)
    {
        using var span = ChatbotActivities.StartAgentSpan(specialist.Name);
        await run.Sink.AgentStartAsync(specialist.Name, cancellationToken);
        IEnumerable<ChatMessage> messages = [new ChatMessage(ChatRole.System, specialist.InstructionsAfter(_answers)), .. conversation];
        var separator = _answers.Any(answer => answer.Length > 0) ? AnswerSeparator : "";
        var writer = new ModelUpdateWriter(run, specialist.Name, streamsText: true, separator);
        await foreach (var update in answering.GetStreamingResponseAsync(messages, specialist.OptionsFor(run), cancellationToken))
        {
            await writer.WriteAsync(update, cancellationToken);
        }
        _answers.Add(writer.Text);
        return writer.Text;
    }
}
