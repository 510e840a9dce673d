namespace Chatbot.Tests.Identity.Provider;

/// <summary>
/// A user of the test identity provider. <paramref name="Claims"/> maps a claim type to its values:
/// one value is issued as a string, several as a JSON array, none omits the claim. "sub" is required.
/// </summary>
public sealed record OidcTestUser(string UserName, string Password, IReadOnlyDictionary<string, string[]> Claims)
{
    /// <summary>Claim types kept out of the id token: the client learns them only from userinfo (the access token still has them).</summary>
    public IReadOnlySet<string> UserInfoOnly { get; init; } = new HashSet<string>();

    /// <summary>How long this user's access tokens live, when not the provider's default (an hour).</summary>
    public TimeSpan? AccessTokenLifetime { get; init; }
}
