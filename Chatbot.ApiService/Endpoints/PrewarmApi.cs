using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.Contracts.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The seed's readiness routes: <c>/prewarm</c> and its <c>/health</c> shape.</summary>
public static class PrewarmApi
{
    public static RouteGroupBuilder MapPrewarmApi(this RouteGroupBuilder chatbot)
    {
        chatbot.MapGet("/prewarm", PrewarmAsync).WithSummary("Initialises the agent runtime and its connections; idempotent.");
        return chatbot;
    }

    /// <summary>Open like /health and /alive: probes carry no identity.</summary>
    public static RouteGroupBuilder MapSeedHealth(this RouteGroupBuilder api)
    {
        api.MapGet("/health", Health).WithSummary("The seed's health shape: status, agent_initialized, agent_id, timestamp.");
        return api;
    }

    /// <summary>
    /// <c>GET /prewarm</c>: warms the process (once; later calls return the same report) and
    /// answers the seed's <c>{status, agent_id, initialized}</c> with what was warmed and how long
    /// each part took. <c>?conversation_id=</c> also loads that conversation into the hot store.
    /// </summary>
    public static async Task<Results<Ok<PrewarmResponse>, ValidationProblem>> PrewarmAsync(
        [FromQuery(Name = ChatbotRoutes.ConversationQuery)] string? conversationId, HttpContext context, [AsParameters] PrewarmServices services)
    {
        services.Logger.LogInformation("Prewarm requested (conversation {ConversationId})", conversationId ?? "none");
        if (conversationId is not null && !ConversationIds.IsValid(conversationId, services.Limits.Value))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [ChatbotRoutes.ConversationQuery] = [ConversationIds.Rule(services.Limits.Value)] });
        }
        var report = await services.Prewarm.WarmAsync();
        int? turnsLoaded = conversationId is null ? null : (await services.Memory.GetTurnsAsync(
            new ConversationKey(CallerIdentity.Of(context.User).Owner, conversationId), context.RequestAborted)).Count;
        return TypedResults.Ok(Response(services, report, turnsLoaded));
    }

    /// <summary><c>GET /api/v1/chatbot/health</c>: the seed's shape, beside ServiceDefaults' /health and /alive.</summary>
    public static IResult Health(AgentRuntimeProvider runtimes, TimeProvider clock) => TypedResults.Ok(new
    {
        status = "healthy",
        agent_initialized = runtimes.IsInitialized,
        agent_id = runtimes.Current?.Id ?? 0,
        timestamp = clock.GetUtcNow(),
    });

    private static PrewarmResponse Response(PrewarmServices services, PrewarmReport report, int? turnsLoaded)
    {
        var runtime = services.Runtimes.Current;
        var provider = services.Llm.Value.ProviderName;
        return new PrewarmResponse(
            Status: runtime is null ? PrewarmResponse.Initializing : PrewarmResponse.Ready,
            AgentId: runtime?.Id ?? 0,
            Initialized: runtime is not null,
            Provider: provider,
            Offline: provider == ModelProviders.Offline,
            WarmedAt: report.WarmedAt,
            TotalMs: Math.Round(report.TotalMs, 2),
            Components: report.Components,
            ConversationTurnsLoaded: turnsLoaded,
            Stores: new StoresResponse(services.Stores.Infrastructure, services.Stores.Memory, services.Stores.Archive));
    }
}

/// <summary>What <c>/prewarm</c> needs, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record PrewarmServices(
    PrewarmService Prewarm,
    AgentRuntimeProvider Runtimes,
    IConversationStore Memory,
    StoreStatus Stores,
    IOptions<LlmOptions> Llm,
    IOptions<RequestLimits> Limits,
    ILogger<PrewarmService> Logger);
