namespace Chatbot.AppHost.Identity;

/// <summary>
/// Declares the web front end's sign-in parameters and passes them to it as its
/// <c>Chatbot:Identity</c> settings. Run locally the web is in Development and defaults to the
/// demo identity; published, it defaults to OpenID Connect and azd asks for the provider.
/// </summary>
public static class WebIdentityExtensions
{
    /// <summary>Private and carrier-grade NAT ranges: where Container Apps' ingress connects from; never a public client.</summary>
    public const string PlatformNetworks = "10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,100.64.0.0/10";

    public static WebIdentityParameters AddWebIdentityParameters(this IDistributedApplicationBuilder builder) => new(
        Mode: builder.AddParameterWithDefault("web-identity-mode", builder.ExecutionContext.IsPublishMode ? "oidc" : "demo")
            .WithDescription("oidc (users sign in with OpenID Connect), gateway (behind the platform's gateway) or demo (one demo user for everyone)"),
        Authority: builder.AddParameterWithDefault("oidc-authority", "", publishDefault: false)
            .WithDescription("The identity provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0"),
        ClientId: builder.AddParameterWithDefault("oidc-client-id", "", publishDefault: false)
            .WithDescription("The web front end's client (application) id at the identity provider"),
        ClientSecret: builder.AddParameterWithDefault("oidc-client-secret", "", secret: true)
            .WithDescription("The web front end's client secret at the identity provider"),
        Scopes: builder.AddParameterWithDefault("oidc-scopes", "openid profile")
            .WithDescription("Space-separated scopes the sign-in asks for"),
        SessionKeysCertificate: builder.AddParameterWithDefault("session-keys-certificate", "", secret: true)
            .WithDescription("A base64 PKCS#12 (.pfx) certificate with its private key and no password; it encrypts the web's session keys at rest (docs/deploy.md)"),
        ForwardedNetworks: builder.AddParameterWithDefault("forwarded-networks", PlatformNetworks)
            .WithDescription("Networks whose X-Forwarded-Proto/For the services believe (the platform's ingress)"));

    public static IResourceBuilder<ProjectResource> WithWebIdentity(this IResourceBuilder<ProjectResource> web, WebIdentityParameters parameters) =>
        web.WithEnvironment("Chatbot__Identity__Mode", parameters.Mode)
            .WithEnvironment("Chatbot__Identity__Oidc__Authority", parameters.Authority)
            .WithEnvironment("Chatbot__Identity__Oidc__ClientId", parameters.ClientId)
            .WithEnvironment("Chatbot__Identity__Oidc__ClientSecret", parameters.ClientSecret)
            .WithEnvironment("Chatbot__Identity__Oidc__Scopes", parameters.Scopes)
            .WithEnvironment("Chatbot__Identity__SessionKeys__Certificate", parameters.SessionKeysCertificate)
            .WithForwardedNetworks(parameters.ForwardedNetworks);

    public static IResourceBuilder<ProjectResource> WithForwardedNetworks(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ParameterResource> networks) =>
        project.WithEnvironment("Chatbot__ForwardedHeaders__KnownNetworks", networks);
}
