namespace Chatbot.ApiService.Identity;

/// <summary>An identity field sent twice with different values; the request gets 400 naming it.</summary>
public sealed class IdentityHeaderConflict(string field)
    : Exception($"Header {field} was sent more than once (or under two spellings) with different values.")
{
    public string Field { get; } = field;
}
