using Chatbot.ApiService.Identity;
using Chatbot.ApiService.Runs;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>POST /ask_stream/{runId}/cancel</c>: stops one of the caller's resumable runs on whichever
/// replica produces it; its stream then ends with an <c>error</c> event coded <c>cancelled</c>
/// and the partial answer is kept, marked incomplete. 202 when it was running, 409 when it had
/// already ended, 404 for an unknown run or another owner's.
/// </summary>
public static class CancelRunEndpoint
{
    public static async Task<IResult> HandleAsync(string runId, HttpContext context, IRunStore store, RunCancellations cancellations, ILogger<ResumableRuns> logger)
    {
        if (!RunIds.IsValid(runId))
        {
            return RunIds.Invalid();
        }
        var run = await store.GetAsync(runId, context.RequestAborted);
        if (run is null || run.Owner != CallerIdentity.Of(context.User).Owner)
        {
            return RunIds.NotFound();
        }
        if (run.HasEnded || !await store.RequestCancelAsync(runId, context.RequestAborted))
        {
            return AlreadyEnded(run);
        }
        // At once when the run is produced here; other replicas hear it from the store.
        var here = cancellations.Cancel(runId);
        logger.LogInformation("Run {RunId}: its owner asked to stop it (produced {Where})", runId, here ? "here" : "on another replica");
        return TypedResults.Accepted((string?)null, new RunCancelResponse(runId, "cancelling"));
    }

    private static IResult AlreadyEnded(RunRecord run) => TypedResults.Problem(
        "This run has already ended.",
        statusCode: StatusCodes.Status409Conflict,
        title: "Run already ended",
        extensions: new Dictionary<string, object?> { ["state"] = run.HasEnded ? run.State.ToStoredName() : "ended" });
}
