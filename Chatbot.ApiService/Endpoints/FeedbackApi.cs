using System.Text.Json;
using Chatbot.ApiService.Feedback;
using Chatbot.Contracts.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>/conversations/{id}/answers/{run_id}/feedback</c>: the caller's vote on one answer of their
/// own conversation. Each handler turns the request into a call on <see cref="AnswerFeedback"/>
/// (which owns the rules) and its result into HTTP; another owner's conversation or answer is
/// unknown here, answered exactly as one nobody has.
/// </summary>
public static class FeedbackApi
{
    /// <summary>A vote and the longest comment, even with every character escaped, with room to spare.</summary>
    public const int MaxBodyBytes = 8 * 1024;

    private const string Route = "/conversations/{id}/answers/{runId}/feedback";

    /// <summary>As the question's body: the web defaults, and a key sent twice is an error.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { AllowDuplicateProperties = false };

    public static RouteGroupBuilder MapFeedbackApi(this RouteGroupBuilder chatbot)
    {
        chatbot.MapPut(Route, VoteAsync).Accepts<FeedbackRequest>("application/json")
            .WithSummary("Sets the caller's vote (up or down, optional comment) on an answer of their conversation, replacing an earlier one.");
        chatbot.MapDelete(Route, ClearAsync).WithSummary("Clears the caller's vote on an answer of their conversation.");
        return chatbot;
    }

    public static async Task<Results<Ok<FeedbackResponse>, ProblemHttpResult, ValidationProblem>> VoteAsync(
        string id, string runId, HttpContext context, AnswerFeedback feedback, IOptions<RequestLimits> limits)
    {
        if (ConversationsApi.CallersKey(id, context, limits.Value) is not { } key)
        {
            return ConversationsApi.NotFound();
        }
        if (!ChatApi.IsRunId(runId))
        {
            return ChatApi.InvalidRunId();
        }
        var (request, problem) = await ReadAsync(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }
        var result = await feedback.VoteAsync(key, runId, request!.Vote, request.Comment, context.RequestAborted);
        return result switch
        {
            { Status: FeedbackStatus.Stored, Feedback: { } stored } => TypedResults.Ok(new FeedbackResponse(stored.Vote, stored.Comment)),
            { Status: FeedbackStatus.Invalid } => Invalid(result),
            _ => NotFound(result),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ClearAsync(
        string id, string runId, HttpContext context, AnswerFeedback feedback, IOptions<RequestLimits> limits)
    {
        if (ConversationsApi.CallersKey(id, context, limits.Value) is not { } key)
        {
            return ConversationsApi.NotFound();
        }
        if (!ChatApi.IsRunId(runId))
        {
            return ChatApi.InvalidRunId();
        }
        var result = await feedback.ClearAsync(key, runId, context.RequestAborted);
        return result.Status switch
        {
            FeedbackStatus.Stored => TypedResults.NoContent(),
            FeedbackStatus.Invalid => Invalid(result),
            _ => NotFound(result),
        };
    }

    private static ValidationProblem Invalid(FeedbackResult result) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field!] = [result.Problem!] }, title: "Invalid feedback");

    private static ProblemHttpResult NotFound(FeedbackResult result) => result.Status == FeedbackStatus.AnswerNotFound
        ? TypedResults.Problem("No finished answer of this run is in your conversation.", statusCode: StatusCodes.Status404NotFound, title: "Answer not found")
        : ConversationsApi.NotFound();

    /// <summary>The body, or the problem that refuses it: 415 not JSON, 413 too large, 400 malformed.</summary>
    private static async Task<(FeedbackRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send the feedback as JSON with Content-Type: application/json."));
        }
        var body = request.ContentLength > MaxBodyBytes ? null : await QuestionRequestReader.ReadCappedAsync(request.BodyReader, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body must be at most {MaxBodyBytes} bytes."));
        }
        try
        {
            var parsed = JsonSerializer.Deserialize<FeedbackRequest>(body, Json);
            return parsed is null ? (null, Malformed()) : (parsed, null);
        }
        catch (JsonException)
        {
            return (null, Malformed());
        }
    }

    private static ProblemHttpResult Malformed() =>
        Problem(StatusCodes.Status400BadRequest, "Malformed JSON", """The body must be a JSON object: {"vote": "up" or "down", "comment": "..."}.""");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["field"] = "body" });
}
