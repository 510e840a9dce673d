using Chatbot.ApiService.Agents;

namespace Chatbot.ApiService.Endpoints;

/// <summary><c>GET /api/v1/chatbot/health</c>: the seed's shape, beside ServiceDefaults' /health and /alive.</summary>
public static class SeedHealthEndpoint
{
    public static IResult Handle(AgentRuntimeProvider runtimes, TimeProvider clock) => TypedResults.Ok(new
    {
        status = "healthy",
        agent_initialized = runtimes.IsInitialized,
        agent_id = runtimes.Current?.Id ?? 0,
        timestamp = clock.GetUtcNow(),
    });
}
