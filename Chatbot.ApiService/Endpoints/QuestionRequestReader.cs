using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Chatbot.Contracts.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// Reads and validates the question body by hand, so each kind of bad input gets its own clear
/// ProblemDetails naming the field (415 content type, 413 size, 400 JSON or field) before any work.
/// </summary>
public sealed class QuestionRequestReader(IOptions<RequestLimits> limits)
{
    /// <summary>
    /// The web defaults, but a key sent twice is an error: with "last wins" a gateway or filter
    /// that reads the first <c>question</c> would check a different text than the agent answers.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { AllowDuplicateProperties = false };

    /// <summary>Control characters a question may not hold: all but \n, \r and \t.</summary>
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        Enumerable.Range(0, 0xA0).Select(code => (char)code).Where(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')).ToArray());

    public async Task<QuestionReading> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return QuestionReading.Refused(Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type",
                "Send the question as JSON with Content-Type: application/json.", "body"));
        }
        var maxBytes = limits.Value.MaxBodyBytes;
        if (request.ContentLength > maxBytes)
        {
            return QuestionReading.Refused(TooLarge(maxBytes));
        }
        var body = await ReadCappedAsync(request.BodyReader, maxBytes, cancellationToken);
        if (body is null)
        {
            return QuestionReading.Refused(TooLarge(maxBytes));
        }

        var json = WithoutByteOrderMark(body);
        if (!Utf8.IsValid(json))
        {
            return QuestionReading.Refused(Problem(StatusCodes.Status400BadRequest, "Malformed JSON", "The body is not valid UTF-8.", "body"));
        }
        QuestionRequest? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<QuestionRequest>(json, Json);
        }
        catch (JsonException exception)
        {
            var field = FieldAt(exception.Path);
            return QuestionReading.Refused(Problem(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not a valid question object (at '{field}').", field));
        }
        return Validate(parsed);
    }

    /// <summary>RFC 8259 lets a parser ignore a UTF-8 byte order mark; System.Text.Json does not, so drop it.</summary>
    private static ReadOnlySpan<byte> WithoutByteOrderMark(byte[] body) =>
        body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? body.AsSpan(Encoding.UTF8.Preamble.Length) : body;

    /// <summary>Names one of our fields, else "body": a JSON path can carry any key the client sent.</summary>
    private static string FieldAt(string? path) => path switch
    {
        "$.question" => "question",
        "$.conversation_id" => "conversation_id",
        _ => "body",
    };

    private QuestionReading Validate(QuestionRequest? request)
    {
        if (string.IsNullOrWhiteSpace(request?.Question))
        {
            return QuestionReading.Refused(Invalid("question", "The question is required and must not be empty."));
        }
        if (request.Question.Length > limits.Value.MaxQuestionLength)
        {
            return QuestionReading.Refused(Invalid("question", $"The question must be at most {limits.Value.MaxQuestionLength} characters."));
        }
        if (HasControlCharacter(request.Question))
        {
            return QuestionReading.Refused(Invalid("question", "The question must not contain control characters other than line breaks and tabs."));
        }
        if (request.ConversationId is { } id && !ConversationIds.IsValid(id, limits.Value))
        {
            return QuestionReading.Refused(Invalid("conversation_id", ConversationIds.Rule(limits.Value)));
        }
        return new QuestionReading(request);
    }

    /// <summary>
    /// Control characters (NUL, ESC, DEL, C1...) have no place in a question and can forge log
    /// lines or terminal output downstream; \n, \r and \t are ordinary text.
    /// </summary>
    private static bool HasControlCharacter(string text) => text.AsSpan().ContainsAny(ForbiddenControls);

    /// <summary>
    /// The whole body, or null once it grows past <paramref name="maxBytes"/>. Read from the
    /// request's pipe, so a question costs one array of its own size (a chunked body, which
    /// names no length, is checked as it arrives).
    /// </summary>
    private static async Task<byte[]?> ReadCappedAsync(PipeReader body, int maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                body.AdvanceTo(buffer.End);
                return null;
            }
            if (read.IsCompleted)
            {
                var whole = buffer.ToArray();
                body.AdvanceTo(buffer.End);
                return whole;
            }
            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static ProblemHttpResult TooLarge(int maxBytes) => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
        $"The body must be at most {maxBytes} bytes.", "body");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid question");

    private static ProblemHttpResult Problem(int status, string title, string detail, string field) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["field"] = field });
}
