using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Chatbot.Tests.Identity.Provider;

/// <summary>Registers a test client in the OpenIddict store (once: the store outlives restarts).</summary>
internal static class OidcClientRegistration
{
    public const string ChatbotScope = "chatbot";

    public static async Task EnsureRegisteredAsync(IOpenIddictApplicationManager manager, OidcTestClient client)
    {
        if (await manager.FindByClientIdAsync(client.ClientId) is null)
        {
            await manager.CreateAsync(Describe(client));
        }
    }

    private static OpenIddictApplicationDescriptor Describe(OidcTestClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = client.ClientId,
        };
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.PushedAuthorization,
            Permissions.Endpoints.Token,
            Permissions.Endpoints.EndSession,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.GrantTypes.RefreshToken,
            Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile,
            Permissions.Scopes.Email,
            Permissions.Prefixes.Scope + ChatbotScope,
        ]);
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        descriptor.RedirectUris.UnionWith(client.RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris);
        return descriptor;
    }
}
