using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Settings;
using Chatbot.Contracts.Api;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// The seed-compatible HTTP API under <see cref="ChatbotRoutes.Prefix"/>, and also under the
/// configured route prefix (the seed's API_V1_STR) when that differs; each handler's typed results
/// describe its answers.
/// </summary>
public static class ChatbotApi
{
    public static IEndpointRouteBuilder MapChatbotApi(this IEndpointRouteBuilder endpoints)
    {
        MapUnder(endpoints, ChatbotRoutes.Prefix);
        var configured = endpoints.ServiceProvider.GetRequiredService<IOptions<ServiceOptions>>().Value.RoutePrefix + ChatbotRoutes.Chatbot;
        if (!string.Equals(configured, ChatbotRoutes.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            // The same operations again: described once in the OpenAPI document.
            MapUnder(endpoints, configured).ExcludeFromDescription();
        }
        return endpoints;
    }

    private static RouteGroupBuilder MapUnder(IEndpointRouteBuilder endpoints, string prefix)
    {
        var api = endpoints.MapGroup(prefix).WithTags("chatbot");
        var chatbot = Callers(api).RequireAuthorization();
        chatbot.MapGet("/prewarm", PrewarmEndpoint.HandleAsync).WithSummary("Initialises the agent runtime and its connections; idempotent.");
        chatbot.MapPost("/ask_stream", AskStreamEndpoint.HandleAsync).Accepts<QuestionRequest>("application/json")
            .RequireRateLimiting(QuestionLimits.QuestionsPolicy)
            .WithSummary("Answers a question; Server-Sent Events with x-stream: true, else JSON.");
        chatbot.MapGet("/ask_stream/{runId}", ResumeStreamEndpoint.HandleAsync)
            .WithSummary("Resumes a resumable run's stream after Last-Event-ID (or ?after=): replay, then live until its end.");
        chatbot.MapPost("/ask_stream/{runId}/cancel", CancelRunEndpoint.HandleAsync).WithSummary("Stops one of the caller's resumable runs, wherever it runs.");
        chatbot.MapGet("/conversations", ConversationsEndpoint.ListAsync).WithSummary("The caller's conversations, newest first, paged (page, page_size).");
        chatbot.MapGet("/conversations/{id}", ConversationsEndpoint.GetAsync).WithSummary("The turns of one of the caller's conversations; 404 for any other.");
        chatbot.MapDelete("/conversations/{id}", ConversationsEndpoint.DeleteAsync).WithSummary("Erases one of the caller's conversations, hot and archived.");
        // Open like /health and /alive: probes carry no identity.
        api.MapGet("/health", SeedHealthEndpoint.Handle)
            .WithSummary("The seed's health shape: status, agent_initialized, agent_id, timestamp.");
        return api;
    }

    private static RouteGroupBuilder Callers(RouteGroupBuilder api) => api.MapGroup("/")
        .AddEndpointFilter<IdentityHeaderFilter>()
        .RequireCors(IdentityRegistration.CorsPolicy);
}
