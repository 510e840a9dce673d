using System.Data.Common;

namespace Chatbot.ApiService.Llm;

/// <summary>
/// <c>ConnectionStrings:llm</c>, the model as the AppHost hands it over:
/// <c>Provider=bedrock;Model=...;Region=eu-west-1;Api=converse</c> or
/// <c>Provider=openai;Endpoint=http://localhost:11434/v1;Model=llama3.1;Key=...</c>. It fills the
/// <c>Chatbot:Llm</c> settings; one that is also set directly in <c>Chatbot:Llm</c> keeps that value.
/// </summary>
public static class ModelConnectionString
{
    public const string Name = "llm";

    public static void Apply(LlmOptions options, IConfiguration configuration)
    {
        if (configuration.GetConnectionString(Name) is not { Length: > 0 } connectionString)
        {
            return;
        }
        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        string? Part(string key, string setting) =>
            configuration[$"{LlmOptions.Section}:{setting}"] is null && parts.TryGetValue(key, out var value) && value is string { Length: > 0 } text ? text : null;

        options.Provider = Part("Provider", "Provider") ?? options.Provider;
        options.ModelId = Part("Model", "ModelId") ?? options.ModelId;
        options.Bedrock.Region = Part("Region", "Bedrock:Region") ?? options.Bedrock.Region;
        options.Bedrock.Api = Part("Api", "Bedrock:Api") ?? options.Bedrock.Api;
        var endpoint = Part("Endpoint", options.ProviderName == ModelProviders.Bedrock ? "Bedrock:BaseUrl" : "OpenAI:Endpoint");
        if (options.ProviderName == ModelProviders.Bedrock)
        {
            options.Bedrock.BaseUrl = endpoint ?? options.Bedrock.BaseUrl;
        }
        else
        {
            options.OpenAI.Endpoint = endpoint ?? options.OpenAI.Endpoint;
        }
        options.OpenAI.ApiKey = Part("Key", "OpenAI:ApiKey") ?? options.OpenAI.ApiKey;
    }
}
