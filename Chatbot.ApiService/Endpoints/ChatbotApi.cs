using Chatbot.ApiService.Context;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The seed-compatible HTTP API under <c>/api/v1/chatbot</c>.</summary>
public static class ChatbotApi
{
    public const string Prefix = "/api/v1/chatbot";

    public static IEndpointRouteBuilder MapChatbotApi(this IEndpointRouteBuilder endpoints)
    {
        var chatbot = endpoints.MapGroup(Prefix).WithTags("chatbot").AddEndpointFilter<IdentityHeaderFilter>();
        chatbot.MapGet("/prewarm", PrewarmEndpoint.HandleAsync)
            .WithSummary("Initialises the agent runtime and its connections; idempotent.");
        chatbot.MapPost("/ask_stream", AskStreamEndpoint.HandleAsync)
            .WithSummary("Answers a question; Server-Sent Events with x-stream: true, else JSON.")
            .Accepts<QuestionRequest>("application/json")
            .Produces<QuestionResponse>()
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status431RequestHeaderFieldsTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        chatbot.MapGet("/health", SeedHealthEndpoint.Handle)
            .WithSummary("The seed's health shape: status, agent_initialized, agent_id, timestamp.");
        return endpoints;
    }
}
