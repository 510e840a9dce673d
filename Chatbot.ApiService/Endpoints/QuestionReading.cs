using Chatbot.Contracts.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.ApiService.Endpoints;

/// <summary>A question body read: the request, or the problem that refuses it (a 4xx about the body, or a field that is invalid).</summary>
public sealed record QuestionReading(QuestionRequest? Request, ProblemHttpResult? Problem = null, ValidationProblem? Invalid = null)
{
    public static QuestionReading Refused(ProblemHttpResult problem) => new(null, Problem: problem);

    public static QuestionReading Refused(ValidationProblem invalid) => new(null, Invalid: invalid);
}
