using Chatbot.ApiService.Llm;
using Microsoft.Extensions.Configuration;

namespace Chatbot.Tests.Providers;

/// <summary>The model as the AppHost hands it over: one <c>llm</c> connection string.</summary>
public sealed class ModelConnectionStringTests
{
    [Fact]
    public void An_openai_compatible_server_is_named_by_provider_endpoint_model_and_key()
    {
        var options = Apply(("ConnectionStrings:llm", "Provider=openai;Model=llama3.1;Region=eu-west-1;Endpoint=http://localhost:11434/v1;Key=sk-123"));

        Assert.Equal((ModelProviders.OpenAI, "llama3.1", "http://localhost:11434/v1", "sk-123"),
            (options.ProviderName, options.ModelId, options.OpenAI.Endpoint, options.OpenAI.ApiKey));
    }

    [Fact]
    public void Bedrock_takes_its_region_and_an_endpoint_as_its_runtime_url()
    {
        var options = Apply(("ConnectionStrings:llm", "Provider=bedrock;Model=amazon.nova-pro-v1:0;Region=eu-central-1;Endpoint=https://vpce.example;Key="));

        Assert.Equal((ModelProviders.Bedrock, "amazon.nova-pro-v1:0", "eu-central-1", "https://vpce.example"),
            (options.ProviderName, options.ModelId, options.Bedrock.Region, options.Bedrock.BaseUrl));
        Assert.Null(options.OpenAI.ApiKey);
    }

    [Fact]
    public void Bedrock_takes_the_api_to_call_a_model_through()
    {
        var options = Apply(("ConnectionStrings:llm", "Provider=bedrock;Model=anthropic.claude-sonnet-4-v1:0;Region=eu-central-1;Api=converse"));

        Assert.Equal("converse", options.Bedrock.ApiName);
    }

    [Fact]
    public void A_setting_made_directly_keeps_its_value()
    {
        var options = Apply(("ConnectionStrings:llm", "Provider=openai;Model=llama3.1;Endpoint=http://a/v1"), ("Chatbot:Llm:ModelId", "qwen2.5"));

        Assert.Equal("qwen2.5", options.ModelId);
        Assert.Equal("http://a/v1", options.OpenAI.Endpoint);
    }

    [Fact]
    public void Without_one_nothing_changes()
    {
        var options = Apply();

        Assert.Equal(ModelProviders.Offline, options.ProviderName);
        Assert.Null(options.ModelId);
    }

    private static LlmOptions Apply(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();
        var options = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        ModelConnectionString.Apply(options, configuration);
        return options;
    }
}
