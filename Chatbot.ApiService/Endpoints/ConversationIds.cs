using System.Text.RegularExpressions;

namespace Chatbot.ApiService.Endpoints;

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
