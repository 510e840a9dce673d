namespace Chatbot.ApiService.Llm.Offline;

/// <summary>Splits text the way a model streams it: each word with the whitespace before it.</summary>
public static class WordPieces
{
    public static IEnumerable<string> Split(string text)
    {
        var start = 0;
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1])))
            {
                yield return text[start..i];
                start = i;
            }
        }
    }
}
