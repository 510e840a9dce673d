using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Prewarm;
using Chatbot.ApiService.Stores;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>GET /prewarm</c>: warms the process (once; later calls return the same report) and
/// answers the seed's <c>{status, agent_id, initialized}</c> with what was warmed and how long
/// each part took. <c>?conversation_id=</c> also loads that conversation into the hot store.
/// </summary>
public static class PrewarmEndpoint
{
    public static async Task<IResult> HandleAsync(
        string? conversation_id,
        HttpContext context,
        PrewarmService prewarm,
        AgentRuntimeProvider runtimes,
        IConversationStore memory,
        StoreStatus stores,
        IOptions<LlmOptions> llm,
        IOptions<RequestLimits> limits,
        ILoggerFactory loggers)
    {
        loggers.CreateLogger(typeof(PrewarmEndpoint)).LogInformation("Prewarm requested (conversation {ConversationId})", conversation_id ?? "none");
        if (conversation_id is not null && !ConversationIds.IsValid(conversation_id, limits.Value))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["conversation_id"] = [ConversationIds.Rule(limits.Value)] });
        }

        var report = await prewarm.WarmAsync();
        int? turnsLoaded = null;
        if (conversation_id is not null)
        {
            var owner = CallerIdentity.Of(context.User).Owner;
            turnsLoaded = (await memory.GetTurnsAsync(new ConversationKey(owner, conversation_id), context.RequestAborted)).Count;
        }

        var runtime = runtimes.Current;
        return TypedResults.Ok(new
        {
            status = runtime is null ? "initializing" : "ready",
            agent_id = runtime?.Id ?? 0,
            initialized = runtime is not null,
            provider = llm.Value.ProviderName,
            offline = llm.Value.ProviderName == ModelProviders.Offline,
            warmed_at = report.WarmedAt,
            total_ms = Math.Round(report.TotalMs, 2),
            components = report.Components,
            conversation_turns_loaded = turnsLoaded,
            stores,
        });
    }
}
