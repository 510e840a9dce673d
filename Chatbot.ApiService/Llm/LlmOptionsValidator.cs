using Chatbot.ApiService.Llm.Bedrock;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Llm;

/// <summary>Refuses <c>Chatbot:Llm</c> settings the API cannot run with, naming the key, at start.</summary>
public sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    private const string Bedrock = LlmOptions.Section + ":Bedrock";
    private const string Retry = LlmOptions.Section + ":Retry";

    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(LlmOptions options)
    {
        if (options.ProviderName is not (ModelProviders.Offline or ModelProviders.Bedrock or ModelProviders.OpenAI))
        {
            yield return $"{LlmOptions.Section}:Provider must be offline, bedrock or openai, not '{options.Provider}'.";
        }
        if (options.ProviderName == ModelProviders.OpenAI && string.IsNullOrWhiteSpace(options.ModelId))
        {
            yield return $"The openai provider needs a model name in {LlmOptions.Section}:ModelId.";
        }
        if (!BedrockApis.All.Contains(options.Bedrock.ApiName))
        {
            yield return $"{Bedrock}:Api must be auto, anthropic or converse, not '{options.Bedrock.Api}'.";
        }
        if (options.Bedrock.MaxOutputTokens <= (options.Bedrock.EnableThinking ? BedrockOptions.ThinkingBudgetTokens : 0))
        {
            yield return $"{Bedrock}:MaxOutputTokens must be positive, and above {BedrockOptions.ThinkingBudgetTokens} with EnableThinking.";
        }
        if (options.OfflineModel.TokenDelayMs < 0)
        {
            yield return $"{LlmOptions.Section}:Offline:TokenDelayMs must not be negative.";
        }
        if (!IsHttpOrUnset(options.Bedrock.BaseUrl))
        {
            yield return $"{Bedrock}:BaseUrl must be an http(s) URL, not '{options.Bedrock.BaseUrl}'.";
        }
        if (!IsHttpOrUnset(options.OpenAI.Endpoint))
        {
            yield return $"{LlmOptions.Section}:OpenAI:Endpoint must be an http(s) URL, not '{options.OpenAI.Endpoint}'.";
        }
        if (options.Retry.MaxAttempts is < 1 or > 10)
        {
            yield return $"{Retry}:MaxAttempts must be 1 to 10.";
        }
        if (options.Retry.FirstDelay < TimeSpan.Zero || options.Retry.MaxDelay < options.Retry.FirstDelay)
        {
            yield return $"{Retry}:FirstDelay must not be negative, and {Retry}:MaxDelay not below it.";
        }
    }

    private static bool IsHttpOrUnset(string? url) =>
        string.IsNullOrWhiteSpace(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}
