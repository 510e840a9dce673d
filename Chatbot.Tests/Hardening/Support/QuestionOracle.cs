using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Chatbot.Tests.Hardening.Support;

/// <summary>
/// The test's own statement of what a valid question body is, written from the documented rules
/// (README, DESIGN), not from the reader's code: UTF-8 (a leading BOM allowed), one JSON object,
/// <c>question</c> a non-blank string of at most 8000 characters without control characters
/// other than \n \r \t, <c>conversation_id</c> absent, null or 1-128 of [A-Za-z0-9._:-] starting
/// with a letter or digit; each of the two keys (matched case-insensitively) at most once.
/// </summary>
public static partial class QuestionOracle
{
    private const int MaxQuestionLength = 8_000;

    public static bool IsValid(byte[] body)
    {
        ReadOnlySpan<byte> json = body;
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }
        if (!Utf8.IsValid(json))
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object && HasValidFields(document.RootElement);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            // Not JSON, or a key or value with a lone surrogate: not text.
            return false;
        }
    }

    private static bool HasValidFields(JsonElement root)
    {
        var fields = root.EnumerateObject()
            .Where(property => property.Name.Equals("question", StringComparison.OrdinalIgnoreCase)
                || property.Name.Equals("conversation_id", StringComparison.OrdinalIgnoreCase))
            .ToLookup(property => property.Name.ToLowerInvariant(), property => property.Value);
        if (fields.Any(field => field.Count() > 1))
        {
            return false;
        }
        var question = fields["question"].SingleOrDefault();
        var id = fields["conversation_id"].SingleOrDefault();
        return question.ValueKind == JsonValueKind.String && IsValidQuestion(question.GetString()!)
            && (id.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                || (id.ValueKind == JsonValueKind.String && ConversationId().IsMatch(id.GetString()!)));
    }

    private static bool IsValidQuestion(string question) =>
        !string.IsNullOrWhiteSpace(question)
        && question.Length <= MaxQuestionLength
        && !question.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}\z")]
    private static partial Regex ConversationId();
}
