using Chatbot.ApiService.Llm.Bedrock;
using Chatbot.ApiService.Llm.Retries;

namespace Chatbot.ApiService.Llm;

/// <summary><c>Chatbot:Llm</c>: which model provider answers, and its settings.</summary>
public sealed class LlmOptions
{
    public const string Section = "Chatbot:Llm";
    public string Provider { get; set; } = ModelProviders.Offline;

    /// <summary>Bedrock model id or OpenAI-compatible model name.</summary>
    public string? ModelId { get; set; }

    [Microsoft.Extensions.Configuration.ConfigurationKeyName("Offline")]
    public OfflineModelOptions OfflineModel { get; set; } = new();

    public BedrockOptions Bedrock { get; set; } = new();

    public OpenAIOptions OpenAI { get; set; } = new();

    public ModelRetryOptions Retry { get; set; } = new();

    public string ProviderName => (string.IsNullOrWhiteSpace(Provider) ? ModelProviders.Offline : Provider).Trim().ToLowerInvariant();

    public string BedrockModelId => string.IsNullOrWhiteSpace(ModelId) ? BedrockOptions.DefaultModel : ModelId.Trim();
}

public sealed class OfflineModelOptions
{
    /// <summary>Pause before each word piece, so the UI feels real; 0 for tests and benchmarks.</summary>
    public int TokenDelayMs { get; set; } = 15;
}

public sealed class BedrockOptions
{
    public const string DefaultModel = "anthropic.claude-3-5-haiku-20241022-v1:0";

    /// <summary>Claude's smallest thinking budget, spent when <see cref="EnableThinking"/> is on.</summary>
    public const int ThinkingBudgetTokens = 1024;

    public string? Region { get; set; }

    /// <summary>Overrides https://bedrock-runtime.{region}.amazonaws.com (tests, VPC endpoints).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// <c>auto</c> (default): Anthropic models through the Anthropic SDK, any other model through
    /// Converse; <c>anthropic</c> or <c>converse</c> force one.
    /// </summary>
    public string Api { get; set; } = BedrockApis.Auto;

    /// <summary>Streams Claude's extended thinking as <c>thinking</c> events.</summary>
    public bool EnableThinking { get; set; }

    public int MaxOutputTokens { get; set; } = 4096;

    public string ApiName => (string.IsNullOrWhiteSpace(Api) ? BedrockApis.Auto : Api).Trim().ToLowerInvariant();
}

public sealed class OpenAIOptions
{
    /// <summary>Base URL including <c>/v1</c>, e.g. http://localhost:11434/v1 for Ollama.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }
}
