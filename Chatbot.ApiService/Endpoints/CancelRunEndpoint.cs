using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Runs;
using Chatbot.Contracts.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>POST /ask_stream/{runId}/cancel</c>: stops one of the caller's resumable runs wherever it
/// runs. 202 when it was running, 409 when it had already ended, 404 for an unknown run or another owner's.
/// </summary>
public static class CancelRunEndpoint
{
    public static async Task<Results<Accepted<RunCancelResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string runId, HttpContext context, [AsParameters] AnswerServices services)
    {
        if (!RunIds.IsValid(runId))
        {
            return RunIds.Invalid();
        }
        var cancel = await services.Answers.CancelAsync(runId, CallerIdentity.Of(context.User), context.RequestAborted);
        return cancel.Status switch
        {
            CancelStatus.Cancelling => TypedResults.Accepted((string?)null, new RunCancelResponse(runId, "cancelling")),
            CancelStatus.AlreadyEnded => AlreadyEnded(cancel.Run!),
            _ => RunIds.NotFound(),
        };
    }

    private static ProblemHttpResult AlreadyEnded(RunRecord run) => TypedResults.Problem(
        "This run has already ended.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Run already ended",
        extensions: new Dictionary<string, object?> { ["state"] = run.HasEnded ? run.State.ToStoredName() : "ended" });
}
