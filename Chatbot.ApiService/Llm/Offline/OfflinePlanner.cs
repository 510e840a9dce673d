using Chatbot.ApiService.Tools;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>
/// Decides which of the offered tools the offline model calls for a question: a hand-off for
/// the manager, a data or calculator tool for a specialist. Null means "answer now".
/// </summary>
public static class OfflinePlanner
{
    public static OfflinePlan? Plan(OfflineConversation conversation, IList<AITool> tools)
    {
        if (conversation.HasToolResults || tools.Count == 0)
        {
            return null;
        }
        var signals = Topic(conversation);
        var names = tools.Select(tool => tool.Name).ToArray();
        return PlanHandoff(signals, names) ?? PlanTool(signals, names);
    }

    /// <summary>A follow-up without a topic of its own ("and if it saves 20000 a year?") continues the previous question's.</summary>
    private static QuestionSignals Topic(OfflineConversation conversation)
    {
        var current = QuestionSignals.Of(conversation.Question);
        return current.HasTopic || conversation.PreviousQuestion is null
            ? current
            : QuestionSignals.FollowUp(conversation.PreviousQuestion, conversation.Question);
    }

    private static OfflinePlan? PlanHandoff(QuestionSignals signals, string[] names)
    {
        if (!names.Any(name => name.StartsWith(ToolNames.HandoffPrefix, StringComparison.Ordinal)))
        {
            return null;
        }
        var (specialist, why) =
            signals.IsAboutFinance ? (ToolNames.Finance, "it gives figures to calculate with")
            : signals.IsAboutPortfolio ? (ToolNames.Portfolio, "it asks about the user's own assets")
            : (ToolNames.Knowledge, "it asks to explain a concept");
        var handoff = ToolNames.HandoffPrefix + specialist;
        return names.Contains(handoff)
            ? Call(handoff, [], $"The question goes to the {specialist} specialist because {why}.")
            : null;
    }

    private static OfflinePlan? PlanTool(QuestionSignals signals, string[] names)
    {
        if (signals.AssetId is { } assetId && Find(names, PortfolioTools.GetAsset) is { } getAsset)
        {
            return Call(getAsset, new() { ["assetId"] = assetId }, $"The question names asset {assetId}, so I look it up.");
        }
        if (Find(names, PortfolioTools.ListMyAssets) is { } listAssets)
        {
            var kind = signals.Kind;
            return Call(listAssets, new() { ["kind"] = kind },
                kind.Length == 0 ? "I list all of the user's assets." : $"I list the user's assets of kind {kind}.");
        }
        if (signals.Kwp is { } kwp && Find(names, FinanceTools.EstimatePvCapex) is { } estimate)
        {
            return Call(estimate, new() { ["kwp"] = kwp }, $"The question gives a system size of {kwp} kWp, so I estimate its CAPEX.");
        }
        if (signals.Amounts is { Count: >= 2 } amounts && Find(names, FinanceTools.CalculatePayback) is { } payback)
        {
            var arguments = new Dictionary<string, object?> { ["capexEur"] = amounts[0], ["annualSavingsEur"] = amounts[1] };
            if (amounts.Count > 2)
            {
                arguments["annualOpexEur"] = amounts[2];
            }
            return Call(payback, arguments, $"The question gives an investment of {amounts[0]} and savings of {amounts[1]} a year, so I calculate the payback.");
        }
        if (Find(names, KnowledgeTools.SearchKnowledge) is { } search)
        {
            return Call(search, new() { ["query"] = signals.Text }, "I search the knowledge base for the concepts the question names.");
        }
        return null;
    }

    /// <summary>SK exposes functions as plugin_function; match the function part.</summary>
    private static string? Find(string[] names, string function) =>
        names.FirstOrDefault(name => name == function || name.EndsWith("_" + function, StringComparison.Ordinal));

    private static OfflinePlan Call(string name, Dictionary<string, object?> arguments, string reasoning) =>
        new(reasoning, new FunctionCallContent($"offline-{Guid.NewGuid():N}", name, arguments));
}
