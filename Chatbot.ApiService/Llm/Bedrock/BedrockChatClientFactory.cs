using Anthropic.Bedrock;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Bedrock;

/// <summary>
/// Claude on Amazon Bedrock through the official Anthropic SDK (AWSSDK.BedrockRuntime is not on
/// every mirror). Credentials come from the AWS default chain: environment, profile, web
/// identity, container or instance role.
/// </summary>
public static class BedrockChatClientFactory
{
    public static IChatClient Create(LlmOptions options, HttpClient http)
    {
        var bedrock = options.Bedrock;
        if (!string.IsNullOrWhiteSpace(bedrock.Region) && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AWS_REGION")))
        {
            // The SDK reads the region only from the AWS chain; our setting feeds it there.
            Environment.SetEnvironmentVariable("AWS_REGION", bedrock.Region);
        }
        var credentials = AnthropicBedrockCredentialsHelper.FromEnv().GetAwaiter().GetResult()
            ?? throw new InvalidOperationException(
                "Bedrock needs AWS credentials and a region (Chatbot:Llm:Bedrock:Region or AWS_REGION); none were found in the AWS default chain.");

        var client = string.IsNullOrWhiteSpace(bedrock.BaseUrl)
            ? new AnthropicBedrockClient(credentials) { HttpClient = http }
            : new AnthropicBedrockClient(credentials) { HttpClient = http, BaseUrl = bedrock.BaseUrl };
        var model = client.AsIChatClient(
            string.IsNullOrWhiteSpace(options.ModelId) ? BedrockOptions.DefaultModel : options.ModelId,
            defaultMaxOutputTokens: bedrock.MaxOutputTokens,
            thinkingMode: AnthropicThinkingMode.Extended);

        return bedrock.EnableThinking
            ? model.AsBuilder().ConfigureOptions(chat => chat.Reasoning ??= new ReasoningOptions { Effort = ReasoningEffort.Low }).Build()
            : model;
    }

    /// <summary>The Bedrock runtime URL prewarm opens a connection to.</summary>
    public static Uri RuntimeUri(LlmOptions options) =>
        new(string.IsNullOrWhiteSpace(options.Bedrock.BaseUrl)
            ? $"https://bedrock-runtime.{options.Bedrock.Region ?? Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1"}.amazonaws.com/"
            : options.Bedrock.BaseUrl);
}
