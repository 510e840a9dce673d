namespace Chatbot.Contracts.Identity;

/// <summary>
/// An identity field sent twice with different values (an empty one beside a value counts): who
/// the user is cannot be told, so the request gets 400 naming the field, in the API and in the web.
/// </summary>
public sealed class IdentityHeaderConflict(string field)
    : Exception($"Header {field} was sent more than once (or under two spellings) with different values.")
{
    public string Field { get; } = field;
}
