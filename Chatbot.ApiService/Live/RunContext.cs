using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Live;

/// <summary>
/// What one run's agents, tools and filters need: who asks (portfolio tools filter by it), where
/// events go, the budget and what the model calls cost. Travels in the run's own clone of a
/// specialist's kernel, never in shared state.
/// </summary>
public sealed class RunContext(AltecoContext identity, RunEventSink sink, RunBudget budget)
{
    public const string KernelDataKey = "chatbot.run";

    public AltecoContext Identity { get; } = identity;

    public RunEventSink Sink { get; } = sink;

    public RunBudget Budget { get; } = budget;

    public RunUsage Usage { get; } = new();

    /// <summary>The <c>complete</c> event's figures: the sink's timing and tokens, the model's cost.</summary>
    public RunStatistics Statistics() => Sink.Statistics(Usage.InputTokens) with { ModelCalls = Usage.ModelCalls, Agents = Usage.ByAgent };

    public static RunContext From(Kernel kernel) =>
        kernel.Data.TryGetValue(KernelDataKey, out var value) && value is RunContext run
            ? run
            : throw new InvalidOperationException("A tool ran outside an agent run.");
}
