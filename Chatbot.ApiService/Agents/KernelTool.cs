using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// Offers a kernel function to an <see cref="IChatClient"/> as a tool and runs it through
/// <see cref="KernelFunction.InvokeAsync(Kernel, KernelArguments?, CancellationToken)"/>, so the
/// kernel's function invocation filters (our tool events) run. SK's own AIFunction path skips
/// them, and its filter-running wrapper (AsAIFunction) is obsolete.
/// </summary>
public sealed class KernelTool(KernelFunction function, Kernel kernel) : DelegatingAIFunction(function)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var result = await function.InvokeAsync(kernel, new KernelArguments(arguments), cancellationToken);
        return result.GetValue<object>();
    }
}
