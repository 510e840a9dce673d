namespace Chatbot.Web.Identity;

/// <summary>
/// What the UI sends the API for the signed-in user: identity headers built from the user's
/// claims (with the API's gateway secret, added by <c>GatewaySecretHandler</c>) or the user's
/// access token. Resolved inside the circuit from its authentication state, and again whenever
/// that changes (a sign-out elsewhere, an expired session).
/// </summary>
public sealed record UserIdentity(Dictionary<string, string> Headers, string? AccessToken = null)
{
    public static UserIdentity Anonymous { get; } = new(new Dictionary<string, string>());

    /// <summary>The name shown in the header.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The demo identity: everyone is this user, and the page says so.</summary>
    public bool IsDemo { get; init; }

    /// <summary>Signed in with OpenID Connect, so the page offers to sign out.</summary>
    public bool CanSignOut { get; init; }

    public HttpRequestMessage Apply(HttpRequestMessage request)
    {
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (AccessToken is not null)
        {
            request.Headers.Authorization = new("Bearer", AccessToken);
        }
        return request;
    }
}
