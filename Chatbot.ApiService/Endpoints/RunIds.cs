using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.ApiService.Endpoints;

/// <summary>The format of a run id: the 32 hex digits the API gives in <c>X-Run-Id</c> and the start event.</summary>
public static class RunIds
{
    public const string Rule = "The run id is the 32 hexadecimal digits of the X-Run-Id header or the start event's run_id.";

    public static bool IsValid(string runId) => runId.Length == 32 && Guid.TryParseExact(runId, "N", out _);

    public static ValidationProblem Invalid() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["run_id"] = [Rule] }, title: "Invalid run id");

    public static ProblemHttpResult NotFound() => TypedResults.Problem(
        "No run with this id belongs to you.",
        statusCode: StatusCodes.Status404NotFound,
        title: "Run not found");
}
