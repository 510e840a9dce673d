using Chatbot.Contracts.Api;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Tools;

/// <summary>
/// Where a tool records the passages it returned, as the answer's sources: the run puts its
/// collector into its own clone of the specialist's kernel, as it does the caller
/// (<see cref="ToolCaller"/>). A plain callback: tools know nothing of runs.
/// </summary>
public static class ToolSources
{
    private const string KernelDataKey = "chatbot.sources";

    public static void Set(Kernel kernel, Action<AnswerSource> cite) => kernel.Data[KernelDataKey] = cite;

    /// <summary>Records <paramref name="source"/> for the run; outside a run (a tool called on its own) nothing collects it.</summary>
    public static void Cite(Kernel kernel, AnswerSource source)
    {
        if (kernel.Data.TryGetValue(KernelDataKey, out var value) && value is Action<AnswerSource> cite)
        {
            cite(source);
        }
    }
}
