namespace Chatbot.Tests.Providers;

/// <summary>What a fake model server decided to send back for one request.</summary>
public enum FakeReply
{
    /// <summary>The manager's call: reasoning, then a call to <c>transfer_to_knowledge</c>.</summary>
    Handoff,

    /// <summary>The specialist's first call: reasoning, then a call to the search tool.</summary>
    SearchCall,

    /// <summary>The follow-up that carries the tool result: the answer text in several deltas.</summary>
    Answer,

    /// <summary>The manager's turn after the specialist answered: a call to <c>finish</c>, without reasoning.</summary>
    Finish,
}

/// <summary>
/// The one conversation both fake providers play, whatever their wire format: the reply is
/// chosen from what the request contains, never from how many requests came before.
/// </summary>
public static class FakeModelScript
{
    public const string HandoffPrefix = "transfer_to_";

    /// <summary>The input token count every fake model call reports.</summary>
    public const int InputTokensPerCall = 42;
    public const string HandoffTool = "transfer_to_knowledge";
    public const string FinishTool = "finish";
    public const string SearchFunction = "search_knowledge";
    public const string SearchArguments = """{"query":"solar"}""";

    public static readonly string[] ManagerReasoning = ["The question is about an energy concept, ", "so the knowledge specialist takes it."];
    public static readonly string[] SpecialistReasoning = ["I should look up ", "solar in the knowledge base."];
    public static readonly string[] AnswerDeltas = ["Solar panels ", "turn light ", "into power."];

    public static string Answer => string.Concat(AnswerDeltas);

    /// <summary>
    /// Hand-offs are offered only to the manager, which finishes once its hand-off has a result (the
    /// specialist's answer); a tool result means the tool already ran; otherwise the specialist is
    /// asked to call its search tool.
    /// </summary>
    public static FakeReply Decide(IReadOnlyCollection<string> offeredTools, bool hasToolResult) =>
        offeredTools.Any(tool => tool.StartsWith(HandoffPrefix, StringComparison.Ordinal)) ? (hasToolResult ? FakeReply.Finish : FakeReply.Handoff)
        : hasToolResult ? FakeReply.Answer
        : FakeReply.SearchCall;

    /// <summary>The name the search function was offered under (the model must call it by that name).</summary>
    public static string? SearchToolName(IReadOnlyCollection<string> offeredTools) =>
        offeredTools.FirstOrDefault(tool => tool.EndsWith(SearchFunction, StringComparison.Ordinal));
}
