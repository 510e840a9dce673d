using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Live;

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
