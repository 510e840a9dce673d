using System.Buffers;
using System.ComponentModel.DataAnnotations;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    internal static async Task<byte[]?> ReadCappedAsync(PipeReader body, int maxBytes, CancellationToken cancellationToken)
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

/// <summary>A question body read: the request, or the problem that refuses it (a 4xx about the body, or a field that is invalid).</summary>
public sealed record QuestionReading(QuestionRequest? Request, ProblemHttpResult? Problem = null, ValidationProblem? Invalid = null)
{
    public static QuestionReading Refused(ProblemHttpResult problem) => new(null, Problem: problem);

    public static QuestionReading Refused(ValidationProblem invalid) => new(null, Invalid: invalid);
}

/// <summary>
/// The format of a conversation id: 1 to 128 characters of [A-Za-z0-9._:-], starting with a
/// letter or digit (so never ".", ".." or "-x": ids end up in store keys and could one day end
/// up in a path or a command line).
/// </summary>
public static partial class ConversationIds
{
    public static bool IsValid(string id, RequestLimits limits) =>
        id.Length > 0 && id.Length <= limits.MaxConversationIdLength && Pattern().IsMatch(id);

    public static string Rule(RequestLimits limits) =>
        $"The conversation id must be 1 to {limits.MaxConversationIdLength} characters of A-Z, a-z, 0-9, '.', '_', ':' or '-', starting with a letter or digit.";

    // \z, not $: $ also matches before a final newline, which let "id\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]*\z")]
    private static partial Regex Pattern();
}

/// <summary><c>Chatbot:Limits</c>: what a question may be, checked before any work.</summary>
public sealed class RequestLimits
{
    public const string Section = "Chatbot:Limits";

    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxQuestionLength must be at least 1.")]
    public int MaxQuestionLength { get; set; } = 8_000;

    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxBodyBytes must be at least 1.")]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxConversationIdLength must be at least 1.")]
    public int MaxConversationIdLength { get; set; } = 128;

    /// <summary>
    /// Characters one identity header (<c>alteco-*</c>, <c>x-alteco-*</c>) may carry; longer is 431.
    /// All headers together stay within Kestrel's own limits (32 KB, 100 fields).
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxHeaderValueLength must be at least 1.")]
    public int MaxHeaderValueLength { get; set; } = 4_096;

    /// <summary>
    /// Characters the access token header (<c>alteco-access-token</c>) may carry: identity
    /// providers' JWTs with many groups or roles run past 4 KB. Longer is 431.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxAccessTokenLength must be at least 1.")]
    public int MaxAccessTokenLength { get; set; } = 16_384;
}
