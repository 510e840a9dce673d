namespace Chatbot.Tests.Identity.Provider;

/// <summary>
/// A confidential client registered at the test identity provider. Its access tokens are issued for
/// <paramref name="AccessTokenAudience"/> (the chatbot API unless it is another application's client);
/// its id tokens, as always, for its own client id.
/// </summary>
public sealed record OidcTestClient(
    string ClientId,
    string ClientSecret,
    IReadOnlyList<Uri> RedirectUris,
    IReadOnlyList<Uri> PostLogoutRedirectUris,
    string AccessTokenAudience = OidcTestProvider.ApiAudience);
