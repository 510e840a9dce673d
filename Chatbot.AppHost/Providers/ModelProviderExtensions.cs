namespace Chatbot.AppHost.Providers;

/// <summary>
/// Declares the model provider parameters (Parameters:llm-provider, ... in configuration or user
/// secrets) and passes them to the API as its Chatbot:Llm settings.
/// </summary>
public static class ModelProviderExtensions
{
    public static ModelProviderParameters AddModelProviderParameters(this IDistributedApplicationBuilder builder) => new(
        Provider: builder.AddParameter("llm-provider", "offline", publishValueAsDefault: true)
            .WithDescription("offline (default, no credentials), bedrock or openai"),
        ModelId: builder.AddParameter("llm-model", "", publishValueAsDefault: true)
            .WithDescription("Model id: a Bedrock model id or an OpenAI-compatible model name"),
        BedrockRegion: builder.AddParameter("bedrock-region", "eu-west-1", publishValueAsDefault: true)
            .WithDescription("AWS region for Bedrock; credentials come from the AWS default chain"),
        OpenAiEndpoint: builder.AddParameter("openai-endpoint", "", publishValueAsDefault: true)
            .WithDescription("Base URL of an OpenAI-compatible server (Ollama, vLLM, LM Studio, OpenAI)"),
        OpenAiApiKey: builder.AddParameter("openai-api-key", "", secret: true)
            .WithDescription("API key for the OpenAI-compatible server"));

    public static IResourceBuilder<ProjectResource> WithModelProvider(
        this IResourceBuilder<ProjectResource> project, ModelProviderParameters parameters) =>
        project
            .WithEnvironment("Chatbot__Llm__Provider", parameters.Provider)
            .WithEnvironment("Chatbot__Llm__ModelId", parameters.ModelId)
            .WithEnvironment("Chatbot__Llm__Bedrock__Region", parameters.BedrockRegion)
            .WithEnvironment("Chatbot__Llm__OpenAI__Endpoint", parameters.OpenAiEndpoint)
            .WithEnvironment("Chatbot__Llm__OpenAI__ApiKey", parameters.OpenAiApiKey);
}
