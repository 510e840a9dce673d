using Chatbot.ApiService.Llm.Bedrock;
using Chatbot.ApiService.Llm.OpenAI;
using Chatbot.ApiService.Llm.Retries;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Llm;

/// <summary>
/// Opens the model provider's HTTP connection (DNS, TCP, TLS) before the first question, with a
/// request that spends no tokens. Any HTTP answer counts: only reaching the server matters. Both
/// Bedrock APIs (Anthropic and Converse) answer at the same runtime URL.
/// </summary>
public sealed class ModelConnectionWarmer(ModelHttpClient model, IOptions<LlmOptions> options)
{
    public async Task<string> WarmAsync(CancellationToken cancellationToken)
    {
        var llm = options.Value;
        var target = llm.ProviderName switch
        {
            ModelProviders.Bedrock => BedrockEndpoint.RuntimeUri(llm),
            ModelProviders.OpenAI => OpenAIChatClientFactory.ModelsUri(llm),
            _ => null,
        };
        if (target is null)
        {
            return "offline model: nothing to connect";
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, target);
        if (llm.ProviderName == ModelProviders.OpenAI && !string.IsNullOrWhiteSpace(llm.OpenAI.ApiKey))
        {
            request.Headers.Authorization = new("Bearer", llm.OpenAI.ApiKey);
        }
        try
        {
            using var response = await model.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return $"{target.Host}: HTTP {(int)response.StatusCode}";
        }
        catch (ModelThrottledException throttled)
        {
            return $"{target.Host}: HTTP {(int)throttled.StatusCode!.Value}";
        }
    }
}
