using Chatbot.ApiService.Live;
using Chatbot.ApiService.Tools;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Agents;

/// <summary>An agent with its own instructions and tools (an SK kernel holding its plugins).</summary>
public sealed class Specialist(string name, string description, string instructions, Kernel kernel)
{
    public string Name { get; } = name;

    /// <summary>What the manager reads to decide whether this specialist takes a question.</summary>
    public string Description { get; } = description;

    public string Instructions { get; } = instructions;

    /// <summary>
    /// Its instructions, with what colleagues already answered of the same question, so it answers
    /// only its part. In the instructions rather than as assistant turns, which some providers would
    /// take as an answer to continue.
    /// </summary>
    public string InstructionsAfter(IReadOnlyList<string> earlierAnswers) =>
        earlierAnswers.Count == 0
            ? Instructions
            : $"{Instructions}\n\nColleagues have already answered part of the latest question:\n\n{string.Join("\n\n", earlierAnswers)}\n\n"
              + "Answer only the part that is yours, without repeating them.";

    public IEnumerable<string> ToolNames => kernel.Plugins.SelectMany(plugin => plugin).Select(function => function.Name);

    /// <summary>The specialist's tools for one run: on the run's own clone of the kernel, which carries the run and its caller.</summary>
    public ChatOptions OptionsFor(RunContext run)
    {
        var runKernel = kernel.Clone();
        runKernel.Data[RunContext.KernelDataKey] = run;
        ToolCaller.Set(runKernel, run.Identity);
        ToolSources.Set(runKernel, run.Sink.Cite);
        return new ChatOptions
        {
            Tools = [.. runKernel.Plugins.SelectMany(plugin => plugin).Select(AITool (function) => new KernelTool(function, runKernel))],
            ToolMode = ChatToolMode.Auto,
        };
    }
}

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
