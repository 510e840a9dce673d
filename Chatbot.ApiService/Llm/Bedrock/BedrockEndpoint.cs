using Amazon.Runtime;

namespace Chatbot.ApiService.Llm.Bedrock;

/// <summary>Where the Bedrock runtime answers: its region and URL, the same for both APIs.</summary>
public static class BedrockEndpoint
{
    /// <summary><c>Chatbot:Llm:Bedrock:Region</c>, else the AWS chain's (AWS_REGION, the profile).</summary>
    public static string? Region(LlmOptions options) =>
        string.IsNullOrWhiteSpace(options.Bedrock.Region)
            ? FallbackRegionFactory.GetRegionEndpoint(includeInstanceMetadata: false)?.SystemName
            : options.Bedrock.Region.Trim();

    /// <summary>The runtime URL the clients call and prewarm opens a connection to.</summary>
    public static Uri RuntimeUri(LlmOptions options) =>
        new(string.IsNullOrWhiteSpace(options.Bedrock.BaseUrl)
            ? $"https://bedrock-runtime.{Region(options) ?? "us-east-1"}.amazonaws.com/"
            : options.Bedrock.BaseUrl);
}
