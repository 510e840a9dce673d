namespace Chatbot.ApiService.Memory;

/// <summary>One message of a conversation, as memory keeps it.</summary>
public sealed record ConversationTurn(
    string Role,
    string Content,
    DateTimeOffset At,
    string? Agent = null,
    string? RunId = null,
    bool Incomplete = false)
{
    public const string User = "user";
    public const string Assistant = "assistant";
}
