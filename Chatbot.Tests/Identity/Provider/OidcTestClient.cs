namespace Chatbot.Tests.Identity.Provider;

/// <summary>The one confidential client registered at the test identity provider.</summary>
public sealed record OidcTestClient(
    string ClientId,
    string ClientSecret,
    IReadOnlyList<Uri> RedirectUris,
    IReadOnlyList<Uri> PostLogoutRedirectUris);
