using Chatbot.ApiService;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Llm.Bedrock;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Chatbot.Tests.Providers;

/// <summary><c>Chatbot:Llm:Bedrock:Api</c>: which API a Bedrock model is called through, and the settings refused at start.</summary>
public sealed class BedrockApiChoiceTests
{
    [Theory]
    [InlineData("anthropic.claude-3-5-haiku-20241022-v1:0", "auto", BedrockApis.Anthropic)]
    [InlineData("us.anthropic.claude-sonnet-4-20250514-v1:0", "", BedrockApis.Anthropic)]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-v1:0", "auto", BedrockApis.Anthropic)]
    [InlineData("amazon.nova-pro-v1:0", "auto", BedrockApis.Converse)]
    [InlineData("us.meta.llama3-3-70b-instruct-v1:0", "auto", BedrockApis.Converse)]
    [InlineData("mistral.mistral-large-2407-v1:0", "auto", BedrockApis.Converse)]
    [InlineData("anthropic.claude-3-5-haiku-20241022-v1:0", " Converse ", BedrockApis.Converse)]
    [InlineData("amazon.nova-pro-v1:0", "anthropic", BedrockApis.Anthropic)]
    public void Auto_takes_claude_to_the_anthropic_sdk_and_every_other_model_to_converse(string model, string api, string expected)
    {
        var options = new LlmOptions { Provider = "bedrock", ModelId = model, Bedrock = { Api = api } };

        Assert.Equal(expected, BedrockApis.For(options));
    }

    [Theory]
    [InlineData("Bedrock:Api", "grpc", "Chatbot:Llm:Bedrock:Api")]
    [InlineData("Provider", "azure", "Chatbot:Llm:Provider")]
    [InlineData("Retry:MaxAttempts", "0", "Chatbot:Llm:Retry:MaxAttempts")]
    [InlineData("Retry:MaxDelay", "-00:00:01", "Chatbot:Llm:Retry:MaxDelay")]
    public async Task An_unusable_setting_stops_the_api_at_start_naming_its_key(string setting, string value, string key)
    {
        await using var factory = new WebApplicationFactory<ApiServiceAssembly>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Chatbot:Prewarm:OnStartup", "false");
            web.UseSetting($"{LlmOptions.Section}:{setting}", value);
        });

        var refused = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(key, refused.Message);
    }
}
