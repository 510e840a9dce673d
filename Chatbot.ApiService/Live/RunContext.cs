using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;
using Microsoft.Extensions.AI;
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

/// <summary>
/// What a run's model calls cost, per agent in the order they first called: what an answer costs
/// is model calls and tokens. A run's agents take turns, so there is no concurrent use.
/// </summary>
public sealed class RunUsage
{
    private readonly List<ModelUsage> _agents = [];

    public IReadOnlyList<ModelUsage> ByAgent => _agents;

    public int ModelCalls => _agents.Sum(agent => agent.Calls);

    public long InputTokens => _agents.Sum(agent => agent.InputTokens);

    public void ModelCalled(string agent) => Update(agent, usage => usage with { Calls = usage.Calls + 1 });

    public void Add(string agent, UsageDetails details) => Update(agent, usage => usage with
    {
        InputTokens = usage.InputTokens + (details.InputTokenCount ?? 0),
        OutputTokens = usage.OutputTokens + (details.OutputTokenCount ?? 0),
    });

    private void Update(string agent, Func<ModelUsage, ModelUsage> change)
    {
        var index = _agents.FindIndex(usage => usage.Agent == agent);
        if (index < 0)
        {
            _agents.Add(change(new ModelUsage(agent, 0, 0, 0)));
        }
        else
        {
            _agents[index] = change(_agents[index]);
        }
    }
}
