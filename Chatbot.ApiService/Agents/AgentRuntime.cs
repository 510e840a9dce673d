using Chatbot.ApiService.Live;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The agent team (the seed's compiled graph): a <see cref="Agents.Manager"/> that hands questions on
/// and the specialists that answer them with their tools. Each run is a <see cref="TeamRun"/>.
/// Built once per process, shared by every request; it holds no per-run state.
/// </summary>
public sealed class AgentRuntime
{
    private readonly IChatClient _answering;
    private readonly ILogger _logger;

    public AgentRuntime(long id, IReadOnlyList<Specialist> specialists, IChatClient routing, IChatClient answering, TimeSpan buildTime, ILogger logger)
    {
        (Id, Specialists, _answering, BuildTime, _logger) = (id, specialists, answering, buildTime, logger);
        Manager = new Manager(specialists, routing);
    }

    /// <summary>Identifies this runtime in /prewarm and /health (the seed's id(agent)).</summary>
    public long Id { get; }

    public TimeSpan BuildTime { get; }

    public IReadOnlyList<Specialist> Specialists { get; }

    public Manager Manager { get; }

    /// <summary>Who answers when the manager hands off to no one: the first specialist, which explains.</summary>
    public Specialist DefaultSpecialist => Specialists[0];

    public Task RunAsync(IReadOnlyList<ChatMessage> conversation, RunContext run, CancellationToken cancellationToken) =>
        new TeamRun(Manager, DefaultSpecialist, _answering, conversation, _logger).RunAsync(run, cancellationToken);
}
