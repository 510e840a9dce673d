namespace Chatbot.ApiService.Memory;

/// <summary>A conversation's title: its first question, on one line, cut to fit a sidebar.</summary>
public static class ConversationTitle
{
    public const int MaxLength = 80;

    public static string From(IReadOnlyList<ConversationTurn> turns)
    {
        var first = turns.FirstOrDefault(turn => turn.Role == ConversationTurn.User) ?? turns.FirstOrDefault();
        return first is null ? "" : Shorten(first.Content);
    }

    public static string Shorten(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= MaxLength ? oneLine : string.Concat(oneLine.AsSpan(0, MaxLength - 1), "…");
    }
}
