using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>POST /ask_stream</c>: the question to an <see cref="AskCommand"/>, and the answer to
/// Server-Sent Events (<see cref="StreamRequest.WantsStream"/>) or one JSON answer.
/// </summary>
public static class AskStreamEndpoint
{
    public static async Task<Results<SseStreamResult, Ok<QuestionResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
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
        var streaming = StreamRequest.WantsStream(context.Request);
        var command = new AskCommand(read.Request!.Question!, read.Request.ConversationId, CallerIdentity.Of(context.User),
            streaming ? StreamRequest.Events(context.Request, services.Streaming.Value) : StreamEventSelection.TokensOnly,
            Resumable: streaming && StreamRequest.WantsResumable(context.Request));
        var start = await services.Answers.StartAsync(command, context.RequestAborted);
        return start.Status switch
        {
            AnswerStartStatus.TooMany => QuestionLimits.TooManyRequests(context.Response, TimeSpan.FromSeconds(1)),
            _ when streaming => new SseStreamResult(start.Events!, services.Heartbeat, start.Turn!.RunId, start.Turn.ConversationId) { Resumable = start.Resumable },
            _ => await JsonAnswerAsync(start),
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
}
