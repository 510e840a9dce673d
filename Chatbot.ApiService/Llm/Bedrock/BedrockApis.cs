namespace Chatbot.ApiService.Llm.Bedrock;

/// <summary>The values of <c>Chatbot:Llm:Bedrock:Api</c>, and the API <c>auto</c> picks for a model.</summary>
public static class BedrockApis
{
    public const string Auto = "auto";

    /// <summary>Anthropic's Messages API through the Anthropic SDK: Claude models only.</summary>
    public const string Anthropic = "anthropic";

    /// <summary>Bedrock's Converse API: any model.</summary>
    public const string Converse = "converse";

    public static readonly IReadOnlyList<string> All = [Auto, Anthropic, Converse];

    public static string For(LlmOptions options) => options.Bedrock.ApiName switch
    {
        Auto => IsAnthropicModel(options.BedrockModelId) ? Anthropic : Converse,
        var chosen => chosen,
    };

    /// <summary>
    /// <c>anthropic.claude-...</c>, also behind a cross-region inference profile (<c>us.anthropic...</c>,
    /// <c>global.anthropic...</c>) or its ARN. Application inference profiles hide the model: Converse serves them.
    /// </summary>
    public static bool IsAnthropicModel(string modelId) =>
        modelId.Split('/')[^1].Split('.').Take(2).Contains("anthropic", StringComparer.OrdinalIgnoreCase);
}
