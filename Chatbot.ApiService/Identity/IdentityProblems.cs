using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Identity;

/// <summary>The ProblemDetails an identity scheme answers with; fixed text, nothing from the request but a field name.</summary>
public static class IdentityProblems
{
    public static IResult Unauthorized() => TypedResults.Problem(
        "This caller is not trusted to say who the user is.", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static IResult Conflict(IdentityHeaderConflict conflict) => TypedResults.Problem(
        conflict.Message, statusCode: StatusCodes.Status400BadRequest, title: "Conflicting identity headers",
        extensions: new Dictionary<string, object?> { ["field"] = conflict.Field });
}
