using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Memory;
using Chatbot.Contracts.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>/conversations</c>: the caller's own conversations. Every lookup is scoped by the caller's
/// owner (tenant and user), and ids are per owner: an id only another owner uses is unknown here,
/// answered exactly as one nobody uses.
/// </summary>
public static class ConversationsApi
{
    public const int MaxPage = 1_000;

    public static RouteGroupBuilder MapConversationsApi(this RouteGroupBuilder chatbot)
    {
        chatbot.MapGet("/conversations", ListAsync).WithSummary("The caller's conversations, newest first, paged (page, page_size).");
        chatbot.MapGet("/conversations/{id}", GetAsync).WithSummary("The turns of one of the caller's conversations; 404 for any other.");
        chatbot.MapDelete("/conversations/{id}", DeleteAsync).WithSummary("Erases one of the caller's conversations, hot and archived.");
        return chatbot.MapFeedbackApi();
    }

    public static async Task<Results<Ok<ConversationListResponse>, ValidationProblem>> ListAsync(
        [FromQuery] int? page,
        [FromQuery(Name = "page_size")] int? pageSize,
        HttpContext context,
        IConversationStore memory)
    {
        var request = new PageRequest(page ?? 1, pageSize ?? PageRequest.DefaultPageSize);
        if (request.Page is < 1 or > MaxPage || request.PageSize is < 1 or > PageRequest.MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["page"] = [$"page must be 1 to {MaxPage} and page_size 1 to {PageRequest.MaxPageSize}."],
            }, title: "Invalid page");
        }
        var owner = CallerIdentity.Of(context.User).Owner;
        var conversations = await memory.ListAsync(owner, request, context.RequestAborted);
        return TypedResults.Ok(Response(conversations));
    }

    public static async Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> GetAsync(
        string id,
        HttpContext context,
        IConversationStore memory,
        IOptions<RequestLimits> limits)
    {
        if (CallersKey(id, context, limits.Value) is not { } key)
        {
            return NotFound();
        }
        var turns = await memory.GetTurnsAsync(key, context.RequestAborted);
        if (turns.Count == 0)
        {
            return NotFound();
        }
        return TypedResults.Ok(Response(id, turns));
    }

    /// <summary>The right-to-erasure path: the hot copy and the archived one.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id,
        HttpContext context,
        IConversationStore memory,
        IOptions<RequestLimits> limits)
    {
        if (CallersKey(id, context, limits.Value) is not { } key)
        {
            return NotFound();
        }
        if (await memory.DeleteAsync(key, context.RequestAborted))
        {
            return TypedResults.NoContent();
        }
        return NotFound();
    }

    /// <summary>The caller's key for the id; null for an id that cannot exist (answered like an unknown one).</summary>
    internal static ConversationKey? CallersKey(string id, HttpContext context, RequestLimits limits) =>
        ConversationIds.IsValid(id, limits) ? new ConversationKey(CallerIdentity.Of(context.User).Owner, id) : null;

    /// <summary>Memory's conversations as the wire shows them.</summary>
    private static ConversationListResponse Response(ConversationPage page) =>
        new([.. page.Items.Select(item => new ConversationListItem(item.ConversationId, item.Title, item.UpdatedAt, item.Turns))],
            page.Page, page.PageSize, page.Total);

    private static ConversationResponse Response(string conversationId, IReadOnlyList<ConversationTurn> turns) =>
        new(conversationId, [.. turns.Select(turn => new TurnResponse(turn.Role, turn.Content, turn.At, turn.Agent, turn.RunId, turn.Incomplete, Sources: turn.Sources,
            Feedback: turn.Feedback is { } feedback ? new FeedbackResponse(feedback.Vote, feedback.Comment) : null))]);

    internal static ProblemHttpResult NotFound() => TypedResults.Problem(
        "No conversation with this id belongs to you.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Conversation not found");
}
