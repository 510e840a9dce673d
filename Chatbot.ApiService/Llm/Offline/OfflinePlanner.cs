using Chatbot.ApiService.Tools;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.ApiService.Tools.Portfolio;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>
/// Decides which of the offered tools the offline model calls for a question: for the manager a
/// hand-off per part of the question and finish, in one turn; for a specialist a data or
/// calculator tool for its part. Null means "answer now".
/// </summary>
public static class OfflinePlanner
{
    public static OfflinePlan? Plan(OfflineConversation conversation, IList<AITool> tools)
    {
        var names = tools.Select(tool => tool.Name).ToArray();
        if (names.Any(name => name.StartsWith(ToolNames.HandoffPrefix, StringComparison.Ordinal)))
        {
            return PlanHandoff(conversation, names);
        }
        if (conversation.HasToolResults || names.Length == 0)
        {
            return null;
        }
        return PlanTool(PartFor(QuestionPart.Of(conversation), names).Signals, names);
    }

    /// <summary>
    /// Every part no specialist has had yet goes on in one turn with finish, up to a part that needs
    /// earlier answers: that one waits for the next turn, when they are back. With nothing left, finish.
    /// </summary>
    private static OfflinePlan? PlanHandoff(OfflineConversation conversation, string[] names)
    {
        var handed = conversation.ToolNamesByCallId.Values
            .Where(name => name.StartsWith(ToolNames.HandoffPrefix, StringComparison.Ordinal))
            .Select(name => name[ToolNames.HandoffPrefix.Length..])
            .ToHashSet();
        var parts = QuestionPart.Of(conversation);
        var remaining = parts.Where(part => !handed.Contains(part.Specialist) && names.Contains(ToolNames.HandoffPrefix + part.Specialist)).ToArray();
        var finish = names.Contains(ToolNames.Finish) ? Call(ToolNames.Finish, []) : null;
        if (remaining.Length == 0)
        {
            return finish is null ? null : new OfflinePlan("", [finish]);
        }
        QuestionPart[] now = [remaining[0], .. remaining.Skip(1).TakeWhile(part => !part.NeedsEarlierAnswers)];
        var finishing = now.Length == remaining.Length && finish is not null;
        var calls = now.Select(part => Call(ToolNames.HandoffPrefix + part.Specialist, [])).ToList();
        if (finishing)
        {
            calls.Add(finish!);
        }
        return new OfflinePlan(HandoffReasoning(parts.Count, handed.Count > 0, now, finishing), calls);
    }

    private static string HandoffReasoning(int parts, bool answersBack, QuestionPart[] now, bool finishing)
    {
        if (parts == 1)
        {
            return $"The question goes to the {now[0].Specialist} specialist because {now[0].Why}.";
        }
        var opening = answersBack ? "The answers the rest needed are back: " : $"The question has {parts} parts: ";
        var who = string.Join("; ", now.Select(part => $"the {part.Specialist} specialist takes one because {part.Why}"));
        return opening + who + (finishing ? "." : "; the rest needs their answers first.");
    }

    /// <summary>
    /// The part for the specialist whose own tools are offered (SK names them plugin_function).
    /// Finance is offered the knowledge search too, so a knowledge part is the last choice.
    /// </summary>
    private static QuestionPart PartFor(IReadOnlyList<QuestionPart> parts, string[] names) =>
        parts.OrderBy(part => part.Specialist == ToolNames.Knowledge)
            .FirstOrDefault(part => names.Any(name => name.StartsWith(part.Specialist + "_", StringComparison.Ordinal)))
        ?? parts[0];

    private static OfflinePlan? PlanTool(QuestionSignals signals, string[] names)
    {
        if (signals.AssetId is { } assetId && Find(names, PortfolioTools.GetAsset) is { } getAsset)
        {
            return Plan(getAsset, new() { ["assetId"] = assetId }, $"The question names asset {assetId}, so I look it up.");
        }
        if (Find(names, PortfolioTools.ListMyAssets) is { } listAssets)
        {
            var kind = signals.Kind;
            return Plan(listAssets, new() { ["kind"] = kind },
                kind.Length == 0 ? "I list all of the user's assets." : $"I list the user's assets of kind {kind}.");
        }
        if (signals.Kwp is { } kwp && Find(names, FinanceTools.EstimatePvCapex) is { } estimate)
        {
            return Plan(estimate, new() { ["kwp"] = kwp }, $"The question gives a system size of {kwp} kWp, so I estimate its CAPEX.");
        }
        if (signals.Amounts is { Count: >= 2 } amounts && Find(names, FinanceTools.CalculatePayback) is { } payback)
        {
            var arguments = new Dictionary<string, object?> { ["capexEur"] = amounts[0], ["annualSavingsEur"] = amounts[1] };
            if (amounts.Count > 2)
            {
                arguments["annualOpexEur"] = amounts[2];
            }
            return Plan(payback, arguments, $"The question gives an investment of {amounts[0]} and savings of {amounts[1]} a year, so I calculate the payback.");
        }
        if (Find(names, KnowledgeTools.SearchKnowledge) is { } search)
        {
            return Plan(search, new() { ["query"] = signals.Text }, "I search the knowledge base for the concepts the question names.");
        }
        return null;
    }

    /// <summary>SK exposes functions as plugin_function; match the function part.</summary>
    private static string? Find(string[] names, string function) =>
        names.FirstOrDefault(name => name == function || name.EndsWith("_" + function, StringComparison.Ordinal));

    private static OfflinePlan Plan(string name, Dictionary<string, object?> arguments, string reasoning) =>
        new(reasoning, [Call(name, arguments)]);

    private static FunctionCallContent Call(string name, Dictionary<string, object?> arguments) =>
        new($"offline-{Guid.NewGuid():N}", name, arguments);
}
