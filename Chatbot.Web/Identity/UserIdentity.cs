namespace Chatbot.Web.Identity;

/// <summary>
/// The identity headers the UI sends to the API for the person using it, as the gateway would.
/// Passed from the first HTTP request into the interactive circuit as a (protected) parameter.
/// </summary>
public sealed record UserIdentity(Dictionary<string, string> Headers)
{
    public static UserIdentity Anonymous { get; } = new(new Dictionary<string, string>());

    public string? DisplayName => Headers.GetValueOrDefault("alteco-user-id");

    public HttpRequestMessage Apply(HttpRequestMessage request)
    {
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }
}
