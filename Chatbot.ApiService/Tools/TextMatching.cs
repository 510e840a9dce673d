namespace Chatbot.ApiService.Tools;

/// <summary>Word matching for the offline model's decisions (<c>Llm/Offline/QuestionSignals</c>).</summary>
public static class TextMatching
{
    private static readonly char[] Separators = [' ', ',', '.', '?', '!', ';', ':', '(', ')', '"', '\'', '\n', '\r', '\t', '/'];

    public static HashSet<string> Words(string text) =>
        text.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries).ToHashSet();

    /// <summary>A single-word keyword must be a whole word; a phrase may appear anywhere.</summary>
    public static bool Mentions(HashSet<string> words, string text, string keyword) =>
        keyword.Contains(' ') || keyword.Contains('-')
            ? text.Contains(keyword, StringComparison.OrdinalIgnoreCase)
            : words.Contains(keyword);
}
