using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// What one run's tools and filters need: who asks (portfolio tools filter by it) and where
/// events go. Travels in the run's own clone of a specialist's kernel, never in shared state.
/// </summary>
public sealed class RunContext(AltecoContext identity, RunEventSink sink, RunBudget budget)
{
    public const string KernelDataKey = "chatbot.run";

    public AltecoContext Identity { get; } = identity;

    public RunEventSink Sink { get; } = sink;

    public RunBudget Budget { get; } = budget;

    public long InputTokens { get; private set; }

    public void AddUsage(UsageDetails usage) => InputTokens += usage.InputTokenCount ?? 0;

    public static RunContext From(Kernel kernel) =>
        kernel.Data.TryGetValue(KernelDataKey, out var value) && value is RunContext run
            ? run
            : throw new InvalidOperationException("A tool ran outside an agent run.");
}
