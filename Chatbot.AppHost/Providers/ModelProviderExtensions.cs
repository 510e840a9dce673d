namespace Chatbot.AppHost.Providers;

/// <summary>
/// The model as one resource: the <c>llm</c> connection string (provider, model, region, endpoint,
/// key) built from the parameters below (Parameters:llm-provider, ... in configuration or user
/// secrets), which the API references like any other store.
/// </summary>
public static class ModelProviderExtensions
{
    public const string ResourceName = "llm";

    public static IResourceBuilder<IResourceWithConnectionString> AddModel(this IDistributedApplicationBuilder builder)
    {
        var parameters = builder.AddModelProviderParameters();
        return builder.AddConnectionString(ResourceName, ReferenceExpression.Create(
            $"Provider={parameters.Provider};Model={parameters.ModelId};Region={parameters.BedrockRegion};Endpoint={parameters.OpenAiEndpoint};Key={parameters.OpenAiApiKey}"));
    }

    private static ModelProviderParameters AddModelProviderParameters(this IDistributedApplicationBuilder builder) => new(
        Provider: builder.AddParameterWithDefault("llm-provider", "offline")
            .WithDescription("offline (default, no credentials), bedrock or openai"),
        ModelId: builder.AddParameterWithDefault("llm-model", "")
            .WithDescription("Model id: a Bedrock model id or an OpenAI-compatible model name"),
        BedrockRegion: builder.AddParameterWithDefault("bedrock-region", "eu-west-1")
            .WithDescription("AWS region for Bedrock; credentials come from the AWS default chain"),
        OpenAiEndpoint: builder.AddParameterWithDefault("openai-endpoint", "")
            .WithDescription("Base URL of an OpenAI-compatible server (Ollama, vLLM, LM Studio, OpenAI)"),
        OpenAiApiKey: builder.AddParameterWithDefault("openai-api-key", "", secret: true)
            .WithDescription("API key for the OpenAI-compatible server"));
}
