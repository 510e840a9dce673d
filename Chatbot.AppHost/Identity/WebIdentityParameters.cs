namespace Chatbot.AppHost.Identity;

/// <summary>The AppHost parameters that say how the web front end's users sign in.</summary>
public sealed record WebIdentityParameters(
    IResourceBuilder<ParameterResource> Mode,
    IResourceBuilder<ParameterResource> Authority,
    IResourceBuilder<ParameterResource> ClientId,
    IResourceBuilder<ParameterResource> ClientSecret,
    IResourceBuilder<ParameterResource> Scopes,
    IResourceBuilder<ParameterResource> SessionKeysCertificate,
    IResourceBuilder<ParameterResource> ForwardedNetworks);
