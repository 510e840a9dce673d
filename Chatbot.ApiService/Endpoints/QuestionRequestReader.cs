using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// Reads and validates the question body by hand, so each kind of bad input gets its own clear
/// ProblemDetails naming the field (415 content type, 413 size, 400 JSON or field) before any work.
/// </summary>
public sealed class QuestionRequestReader(IOptions<RequestLimits> limits)
{
    public async Task<(QuestionRequest? Request, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "Send the question as JSON with Content-Type: application/json.", "body"));
        }
        var maxBytes = limits.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }
        var body = await ReadCappedAsync(request.Body, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, TooLarge(maxBytes));
        }

        QuestionRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<QuestionRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
            return (null, Problem(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not a valid question object (at '{field}').", field));
        }
        return Validate(parsed);
    }

    private (QuestionRequest?, IResult?) Validate(QuestionRequest? request)
    {
        if (string.IsNullOrWhiteSpace(request?.Question))
        {
            return (null, Invalid("question", "The question is required and must not be empty."));
        }
        if (request.Question.Length > limits.Value.MaxQuestionLength)
        {
            return (null, Invalid("question", $"The question must be at most {limits.Value.MaxQuestionLength} characters."));
        }
        if (request.ConversationId is { } id && !ConversationIds.IsValid(id, limits.Value))
        {
            return (null, Invalid("conversation_id", ConversationIds.Rule(limits.Value)));
        }
        return (request, null);
    }

    /// <summary>The body, or null when it exceeds <paramref name="maxBytes"/> (chunked bodies carry no length).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge(int maxBytes) => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
        $"The body must be at most {maxBytes} bytes.", "body");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid question");

    private static ProblemHttpResult Problem(int status, string title, string detail, string field) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["field"] = field });
}
