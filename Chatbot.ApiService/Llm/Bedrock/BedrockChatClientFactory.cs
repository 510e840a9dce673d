using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Anthropic.Bedrock;
using Chatbot.ApiService.Llm.Converse;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Bedrock;

/// <summary>
/// Amazon Bedrock: Claude through the official Anthropic SDK, any other model (or any model, with
/// <c>Api=converse</c>) through <see cref="ConverseChatClient"/>; see <see cref="BedrockApis"/>.
/// Credentials come from the AWS default chain: environment, profile, web identity, container or
/// instance role. Neither client retries: <see cref="Retries.ThrottlingRetryChatClient"/> does.
/// </summary>
public static class BedrockChatClientFactory
{
    public static IChatClient Create(LlmOptions options, HttpClient http) =>
        BedrockApis.For(options) == BedrockApis.Converse ? CreateConverse(options, http) : CreateAnthropic(options, http);

    private static IChatClient CreateConverse(LlmOptions options, HttpClient http)
    {
        var region = BedrockEndpoint.Region(options) ?? throw MissingCredentials(null);
        var signer = new BedrockRequestSigner(DefaultCredentials(), region);
        var settings = new ConverseSettings(BedrockEndpoint.RuntimeUri(options), options.BedrockModelId,
            options.Bedrock.MaxOutputTokens, options.Bedrock.EnableThinking);
        return new ConverseChatClient(http, signer, settings);
    }

    private static IChatClient CreateAnthropic(LlmOptions options, HttpClient http)
    {
        var bedrock = options.Bedrock;
        if (!string.IsNullOrWhiteSpace(bedrock.Region))
        {
            // The SDK reads the region only from the AWS chain; our setting feeds it there, over AWS_REGION as everywhere.
            Environment.SetEnvironmentVariable("AWS_REGION", bedrock.Region.Trim());
        }
        var credentials = AnthropicBedrockCredentialsHelper.FromEnv().GetAwaiter().GetResult() ?? throw MissingCredentials(null);

        var client = string.IsNullOrWhiteSpace(bedrock.BaseUrl)
            ? new AnthropicBedrockClient(credentials) { HttpClient = http, MaxRetries = 0 }
            : new AnthropicBedrockClient(credentials) { HttpClient = http, MaxRetries = 0, BaseUrl = bedrock.BaseUrl };
        var model = client.AsIChatClient(options.BedrockModelId, defaultMaxOutputTokens: bedrock.MaxOutputTokens, thinkingMode: AnthropicThinkingMode.Extended);

        return bedrock.EnableThinking ? model.AsBuilder().ConfigureOptions(Thinking).Build() : model;
    }

    /// <summary>Extended thinking on every call. Claude refuses a forced tool choice while it thinks, so then it chooses on its own.</summary>
    private static void Thinking(ChatOptions chat)
    {
        chat.Reasoning ??= new ReasoningOptions { Effort = ReasoningEffort.Low };
        if (chat.ToolMode is RequiredChatToolMode)
        {
            chat.ToolMode = ChatToolMode.Auto;
        }
    }

    private static AWSCredentials DefaultCredentials()
    {
        try
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }
        catch (AmazonClientException exception)
        {
            throw MissingCredentials(exception);
        }
    }

    private static InvalidOperationException MissingCredentials(Exception? inner) => new(
        "Bedrock needs AWS credentials and a region (Chatbot:Llm:Bedrock:Region or AWS_REGION); none were found in the AWS default chain.", inner);
}
