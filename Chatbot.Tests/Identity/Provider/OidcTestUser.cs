namespace Chatbot.Tests.Identity.Provider;

/// <summary>
/// A user of the test identity provider. <paramref name="Claims"/> maps a claim type to its values:
/// one value is issued as a string, several as a JSON array, none omits the claim. "sub" is required.
/// </summary>
public sealed record OidcTestUser(string UserName, string Password, IReadOnlyDictionary<string, string[]> Claims);
