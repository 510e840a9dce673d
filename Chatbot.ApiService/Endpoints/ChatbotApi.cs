using Chatbot.ApiService.Identity;
using Chatbot.Contracts.Api;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The seed-compatible HTTP API under <see cref="ChatbotRoutes.Prefix"/>; each handler's typed results describe its answers.</summary>
public static class ChatbotApi
{
    public static IEndpointRouteBuilder MapChatbotApi(this IEndpointRouteBuilder endpoints)
    {
        var chatbot = endpoints.MapGroup(ChatbotRoutes.Prefix).WithTags("chatbot")
            .RequireAuthorization()
            .AddEndpointFilter<IdentityHeaderFilter>()
            .RequireCors(IdentityRegistration.CorsPolicy);
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
        endpoints.MapGet(ChatbotRoutes.Health, SeedHealthEndpoint.Handle).WithTags("chatbot")
            .WithSummary("The seed's health shape: status, agent_initialized, agent_id, timestamp.");
        return endpoints;
    }
}
