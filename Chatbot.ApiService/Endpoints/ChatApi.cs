using System.Globalization;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// Asking, resuming and stopping an answer: each handler turns its request into a call on the
/// <see cref="AnswerCoordinator"/> (which owns the rules) and its result into HTTP.
/// </summary>
public static class ChatApi
{
    public const string RunIdRule = "The run id is the 32 hexadecimal digits of the X-Run-Id header or the start event's run_id.";

    public static RouteGroupBuilder MapChatApi(this RouteGroupBuilder chatbot)
    {
        chatbot.MapPost("/ask_stream", AskAsync).Accepts<QuestionRequest>("application/json")
            .RequireRateLimiting(QuestionLimits.QuestionsPolicy)
            .WithSummary("Answers a question; Server-Sent Events with x-stream: true, else JSON.");
        chatbot.MapGet("/ask_stream/{runId}", ResumeAsync)
            .WithSummary("Resumes a resumable run's stream after Last-Event-ID (or ?after=): replay, then live until its end.");
        chatbot.MapPost("/ask_stream/{runId}/cancel", CancelAsync).WithSummary("Stops one of the caller's resumable runs, wherever it runs.");
        return chatbot;
    }

    /// <summary>
    /// <c>POST /ask_stream</c>: the question to an <see cref="AskCommand"/>, and the answer to
    /// Server-Sent Events (<c>x-stream: true</c> or <c>Accept: text/event-stream</c>) or one JSON answer.
    /// </summary>
    public static async Task<Results<SseStreamResult, Ok<QuestionResponse>, ProblemHttpResult, ValidationProblem>> AskAsync(
        HttpContext context, [AsParameters] AnswerServices services)
    {
        var read = await services.Reader.ReadAsync(context.Request, context.RequestAborted);
        if (read.Problem is { } problem)
        {
            return problem;
        }
        if (read.Invalid is { } invalid)
        {
            return invalid;
        }
        var request = context.Request;
        var streaming = IsTrue(request.Headers[StreamHeaders.Stream])
            || request.Headers.Accept.ToString().Contains(StreamHeaders.ContentType, StringComparison.OrdinalIgnoreCase);
        var events = streaming
            ? StreamEventSelection.From(request.Headers[StreamHeaders.Level], request.Headers[StreamHeaders.Events], services.Streaming.Value)
            : StreamEventSelection.TokensOnly;
        var command = new AskCommand(read.Request!.Question!, read.Request.ConversationId, CallerIdentity.Of(context.User), events,
            Resumable: streaming && IsTrue(request.Headers[StreamHeaders.Resumable]));
        var start = await services.Answers.StartAsync(command, context.RequestAborted);
        return start.Status switch
        {
            AnswerStartStatus.TooMany => QuestionLimits.TooManyRequests(context.Response, TimeSpan.FromSeconds(1)),
            _ when streaming => new SseStreamResult(start.Events!, services.Heartbeat, start.Turn!.RunId, start.Turn.ConversationId) { Resumable = start.Resumable },
            _ => await JsonAnswerAsync(start),
        };
    }

    /// <summary>
    /// <c>GET /ask_stream/{runId}</c>: the events of a resumable run after the client's last one
    /// (<c>Last-Event-ID</c>, or <c>?after=</c> which wins). 204 when there is nothing to resume
    /// (unknown, expired, or already read to its end), 404 for another owner's run, 410 when the
    /// events the client lacks were trimmed.
    /// </summary>
    public static async Task<Results<SseStreamResult, NoContent, ProblemHttpResult, ValidationProblem>> ResumeAsync(
        string runId, HttpContext context, [AsParameters] AnswerServices services)
    {
        if (!IsRunId(runId))
        {
            return InvalidRunId();
        }
        if (ReadAfter(context.Request) is not { } after)
        {
            return InvalidPosition($"'{StreamHeaders.AfterQuery}' and {StreamHeaders.LastEventId} must be the sequence number (a whole number, 0 or more) of the last event the client has.");
        }
        var resume = await services.Answers.ResumeAsync(runId, after, CallerIdentity.Of(context.User), context.RequestAborted);
        return resume.Status switch
        {
            ResumeStatus.Resumed => new SseStreamResult(resume.Events!, services.Heartbeat, runId, resume.Run!.ConversationId) { Resumable = true },
            ResumeStatus.Unknown or ResumeStatus.ReadToEnd => TypedResults.NoContent(),
            ResumeStatus.NotOwner => RunNotFound(),
            ResumeStatus.BeyondEnd => InvalidPosition($"This run has sent {resume.Run!.LastSequence} events so far; {after} is past them."),
            _ => TypedResults.Problem(
                $"Events {after + 1} to {resume.Run!.FirstKeptSequence - 1} of this run are no longer kept; it cannot be resumed without a gap.",
                statusCode: StatusCodes.Status410Gone, title: "Run events trimmed"),
        };
    }

    /// <summary>
    /// <c>POST /ask_stream/{runId}/cancel</c>: stops one of the caller's resumable runs wherever it
    /// runs. 202 when it was running, 409 when it had already ended, 404 for an unknown run or another owner's.
    /// </summary>
    public static async Task<Results<Accepted<RunCancelResponse>, ProblemHttpResult, ValidationProblem>> CancelAsync(
        string runId, HttpContext context, [AsParameters] AnswerServices services)
    {
        if (!IsRunId(runId))
        {
            return InvalidRunId();
        }
        var cancel = await services.Answers.CancelAsync(runId, CallerIdentity.Of(context.User), context.RequestAborted);
        return cancel.Status switch
        {
            CancelStatus.Cancelling => TypedResults.Accepted((string?)null, new RunCancelResponse(runId, "cancelling")),
            CancelStatus.AlreadyEnded => AlreadyEnded(cancel.Run!),
            _ => RunNotFound(),
        };
    }

    private static async Task<Results<SseStreamResult, Ok<QuestionResponse>, ProblemHttpResult, ValidationProblem>> JsonAnswerAsync(AnswerStart start)
    {
        var (answer, terminal) = await AnswerCoordinator.ReadToEndAsync(start.Events!);
        return terminal?.Type == StreamEventType.Complete
            ? TypedResults.Ok(new QuestionResponse(answer, start.Turn!.ConversationId))
            : TypedResults.Problem(ChatTurnRunner.FailureMessage, statusCode: StatusCodes.Status502BadGateway,
                title: "The answer failed", extensions: new Dictionary<string, object?> { [StreamEventFields.CorrelationId] = terminal?.CorrelationId });
    }

    private static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The query's <c>after</c>, else the header, else 0; null when either is malformed.</summary>
    private static long? ReadAfter(HttpRequest request)
    {
        var raw = request.Query.TryGetValue(StreamHeaders.AfterQuery, out var query) ? query.ToString() : request.Headers[StreamHeaders.LastEventId].ToString();
        if (raw.Length == 0)
        {
            return 0;
        }
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : null;
    }

    private static ValidationProblem InvalidPosition(string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [StreamHeaders.AfterQuery] = [message] }, title: "Invalid resume position");

    internal static bool IsRunId(string runId) => runId.Length == 32 && Guid.TryParseExact(runId, "N", out _);

    internal static ValidationProblem InvalidRunId() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["run_id"] = [RunIdRule] }, title: "Invalid run id");

    private static ProblemHttpResult RunNotFound() => TypedResults.Problem(
        "No run with this id belongs to you.", statusCode: StatusCodes.Status404NotFound, title: "Run not found");

    private static ProblemHttpResult AlreadyEnded(RunRecord run) => TypedResults.Problem(
        "This run has already ended.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Run already ended",
        extensions: new Dictionary<string, object?> { ["state"] = run.HasEnded ? run.State.ToStoredName() : "ended" });
}

/// <summary>What the answer endpoints need, bound as one parameter (<c>[AsParameters]</c>).</summary>
public sealed record AnswerServices(AnswerCoordinator Answers, QuestionRequestReader Reader, IOptions<StreamingOptions> Streaming)
{
    public TimeSpan Heartbeat => TimeSpan.FromSeconds(Streaming.Value.HeartbeatSeconds);
}
