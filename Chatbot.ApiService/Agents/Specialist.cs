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

    public IEnumerable<string> ToolNames => kernel.Plugins.SelectMany(plugin => plugin).Select(function => function.Name);

    /// <summary>Streams this specialist's answer into the run, calling its tools as the model asks.</summary>
    public async Task AnswerAsync(IChatClient chat, IReadOnlyList<ChatMessage> conversation, RunContext run, CancellationToken cancellationToken)
    {
        var runKernel = kernel.Clone();
        runKernel.Data[RunContext.KernelDataKey] = run;
        ToolCaller.Set(runKernel, run.Identity);
        var options = new ChatOptions
        {
            Tools = runKernel.Plugins.SelectMany(plugin => plugin).Select(AITool (function) => new KernelTool(function, runKernel)).ToList(),
            ToolMode = ChatToolMode.Auto,
        };

        IEnumerable<ChatMessage> messages = [new ChatMessage(ChatRole.System, instructions), .. conversation];
        await foreach (var update in chat.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            await AgentUpdateWriter.WriteAsync(update, run, cancellationToken);
        }
    }
}
