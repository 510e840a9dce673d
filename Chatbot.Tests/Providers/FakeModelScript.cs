namespace Chatbot.Tests.Providers;

/// <summary>What a fake model server decided to send back for one request.</summary>
public enum FakeReply
{
    /// <summary>A manager turn that hands on: reasoning, then its transfers, with <c>finish</c> in its last turn.</summary>
    Handoff,

    /// <summary>The specialist's first call: reasoning, then a call to the search tool.</summary>
    SearchCall,

    /// <summary>The follow-up that carries the tool result: the answer text in several deltas.</summary>
    Answer,

    /// <summary>A manager asked again after its last turn: a call to <c>finish</c> alone, without reasoning.</summary>
    Finish,
}

/// <summary>A function call a fake model makes: its id ends with <paramref name="IdSuffix"/>.</summary>
public sealed record FakeCall(string IdSuffix, string Tool, string[] ArgumentParts);

/// <summary>
/// The conversations every fake provider plays, whatever its wire format: the reply is chosen
/// from what the request contains (the question, the tools offered, the tool results), never from
/// how many requests came before. A single-topic question, one in two independent parts, and
/// one whose second part needs the first part's answer.
/// </summary>
public static class FakeModelScript
{
    public const string HandoffPrefix = "transfer_to_";

    /// <summary>The input token count every fake model call reports.</summary>
    public const int InputTokensPerCall = 42;
    public const string HandoffTool = "transfer_to_knowledge";
    public const string FinanceHandoffTool = "transfer_to_finance";
    public const string FinishTool = "finish";
    public const string SearchFunction = "search_knowledge";
    public const string SearchArguments = """{"query":"solar"}""";

    public const string TwoPartQuestion = "How do solar panels work, and what does a 10 kWp system cost?";
    public const string DependentQuestion = "How do solar panels work, and what would those cost for 10 kWp?";

    public static readonly string[] ManagerReasoning = ["The question is about an energy concept, ", "so the knowledge specialist takes it."];
    public static readonly string[] SpecialistReasoning = ["I should look up ", "solar in the knowledge base."];
    public static readonly string[] AnswerDeltas = ["Solar panels ", "turn light ", "into power."];

    public static string Answer => string.Concat(AnswerDeltas);

    /// <summary>
    /// Hand-offs are offered only to the manager, which plays its turns for the question; a tool
    /// result to a specialist means its tool already ran; otherwise the specialist is asked to
    /// call its search tool.
    /// </summary>
    public static FakeReply Decide(IReadOnlyCollection<string> offeredTools, int toolResults, string request) =>
        offeredTools.Any(tool => tool.StartsWith(HandoffPrefix, StringComparison.Ordinal))
            ? (ManagerCalls(request, toolResults).Any(call => call.Tool.StartsWith(HandoffPrefix, StringComparison.Ordinal)) ? FakeReply.Handoff : FakeReply.Finish)
            : toolResults > 0 ? FakeReply.Answer
            : FakeReply.SearchCall;

    /// <summary>
    /// The manager's calls in the turn that follows <paramref name="toolResults"/> results (one per
    /// earlier hand-off): every part and finish at once, unless a part needs an earlier answer.
    /// </summary>
    public static IReadOnlyList<FakeCall> ManagerCalls(string request, int toolResults)
    {
        var handedOn = 0;
        foreach (var turn in ManagerTurns(request))
        {
            if (handedOn == toolResults)
            {
                return [.. turn.Select(tool => new FakeCall(tool, tool, ["{}"]))];
            }
            handedOn += turn.Count(tool => tool.StartsWith(HandoffPrefix, StringComparison.Ordinal));
        }
        return [new FakeCall(FinishTool, FinishTool, ["{}"])];
    }

    /// <summary>The specialist's search call, by the name the function was offered under.</summary>
    public static FakeCall? SearchCall(IReadOnlyCollection<string> offeredTools) =>
        offeredTools.FirstOrDefault(tool => tool.EndsWith(SearchFunction, StringComparison.Ordinal)) is { } search
            ? new FakeCall("search", search, ["{\"query\":", "\"solar\"}"])
            : null;

    private static string[][] ManagerTurns(string request) =>
        request.Contains(DependentQuestion, StringComparison.Ordinal) ? [[HandoffTool], [FinanceHandoffTool, FinishTool]]
        : request.Contains(TwoPartQuestion, StringComparison.Ordinal) ? [[HandoffTool, FinanceHandoffTool, FinishTool]]
        : [[HandoffTool, FinishTool]];
}
