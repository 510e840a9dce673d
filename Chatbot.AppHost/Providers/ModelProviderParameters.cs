namespace Chatbot.AppHost.Providers;

/// <summary>The AppHost parameters that choose and configure the API's model provider.</summary>
public sealed record ModelProviderParameters(
    IResourceBuilder<ParameterResource> Provider,
    IResourceBuilder<ParameterResource> ModelId,
    IResourceBuilder<ParameterResource> BedrockRegion,
    IResourceBuilder<ParameterResource> OpenAiEndpoint,
    IResourceBuilder<ParameterResource> OpenAiApiKey);
