using Chatbot.Contracts.Identity;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Tools;

/// <summary>
/// Who a tool call is for: the run puts the caller's identity into its own clone of the
/// specialist's kernel, where the tool reads it. A plain value: tools know nothing of runs.
/// </summary>
public static class ToolCaller
{
    private const string KernelDataKey = "chatbot.caller";

    public static void Set(Kernel kernel, AltecoContext caller) => kernel.Data[KernelDataKey] = caller;

    public static AltecoContext From(Kernel kernel) =>
        kernel.Data.TryGetValue(KernelDataKey, out var value) && value is AltecoContext caller
            ? caller
            : throw new InvalidOperationException("A tool ran without a caller: it must run inside an agent run.");
}
