using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Limits;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The seed-compatible HTTP API under <c>/api/v1/chatbot</c>.</summary>
public static class ChatbotApi
{
    public const string Prefix = "/api/v1/chatbot";

    public static IEndpointRouteBuilder MapChatbotApi(this IEndpointRouteBuilder endpoints)
    {
        var chatbot = endpoints.MapGroup(Prefix).WithTags("chatbot")
            .RequireAuthorization()
            .AddEndpointFilter<IdentityHeaderFilter>()
            .RequireCors(IdentityRegistration.CorsPolicy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        chatbot.MapGet("/prewarm", PrewarmEndpoint.HandleAsync)
            .WithSummary("Initialises the agent runtime and its connections; idempotent.");
        chatbot.MapPost("/ask_stream", AskStreamEndpoint.HandleAsync)
            .WithSummary("Answers a question; Server-Sent Events with x-stream: true, else JSON.")
            .RequireRateLimiting(RateLimitRegistration.QuestionsPolicy)
            .Accepts<QuestionRequest>("application/json")
            .Produces<QuestionResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status431RequestHeaderFieldsTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        chatbot.MapGet("/ask_stream/{runId}", ResumeStreamEndpoint.HandleAsync)
            .WithSummary("Resumes a resumable run's stream after Last-Event-ID (or ?after=): replay, then live until its end.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        chatbot.MapPost("/ask_stream/{runId}/cancel", CancelRunEndpoint.HandleAsync)
            .WithSummary("Stops one of the caller's resumable runs, wherever it runs.")
            .Produces<RunCancelResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        chatbot.MapGet("/conversations", ConversationsEndpoint.ListAsync)
            .WithSummary("The caller's conversations, most recently updated first, paged (page, page_size).")
            .Produces<ConversationListResponse>()
            .ProducesValidationProblem();
        chatbot.MapGet("/conversations/{id}", ConversationsEndpoint.GetAsync)
            .WithSummary("The turns of one of the caller's conversations; 404 for any other.")
            .Produces<ConversationResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        chatbot.MapDelete("/conversations/{id}", ConversationsEndpoint.DeleteAsync)
            .WithSummary("Erases one of the caller's conversations, hot and archived; 404 for any other.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // Open like /health and /alive: probes carry no identity.
        endpoints.MapGet(Prefix + "/health", SeedHealthEndpoint.Handle).WithTags("chatbot")
            .WithSummary("The seed's health shape: status, agent_initialized, agent_id, timestamp.");
        return endpoints;
    }
}
