using System.Text;
using Chatbot.ApiService.Telemetry;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// One question through the team: the manager hands it to a specialist, the specialist's answer
/// goes back to the manager as the hand-off's result, and the manager hands on again until it
/// finishes, so a question with parts for two specialists gets both. Every hand-off counts as a
/// tool call against the run's budget, which is what ends a manager that never finishes. The
/// answers stream one after the other, a blank line apart, into the run's one stream.
/// </summary>
public sealed class TeamRun(AgentRuntime team, IChatClient answering, IReadOnlyList<ChatMessage> conversation, ILogger logger)
{
    private const string AnswerSeparator = "\n\n";
    private const string NotAHandoff = "Not a function of this team.";
    private const string NoAnswer = "(The specialist gave no answer.)";

    private readonly List<ChatMessage> _managerHistory = Manager.StartHistory(conversation);
    private readonly List<string> _answers = [];

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var decision = await team.Manager.DecideAsync(_managerHistory, firstTurn: true, run, cancellationToken);
        if (decision.Handoffs.Count == 0)
        {
            // Only a provider that cannot require a tool call gets here.
            logger.LogWarning("The manager called no transfer; the {Specialist} specialist answers", team.DefaultSpecialist.Name);
            await AnswerAsync(team.DefaultSpecialist, run, cancellationToken);
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
            decision = await team.Manager.DecideAsync(_managerHistory, firstTurn: false, run, cancellationToken);
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
        var separate = _answers.Any(answer => answer.Length > 0);
        var text = new StringBuilder();
        await foreach (var update in answering.GetStreamingResponseAsync(messages, specialist.OptionsFor(run), cancellationToken))
        {
            var piece = update.Text;
            if (separate && piece.Length > 0)
            {
                separate = false;
                await run.Sink.TokenAsync(AnswerSeparator, cancellationToken);
            }
            text.Append(piece);
            await AgentRuntime.WriteAsync(update, run, cancellationToken);
        }
        var answer = text.ToString();
        _answers.Add(answer);
        return answer;
    }
}
