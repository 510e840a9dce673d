using Chatbot.ApiService.Llm.Bedrock;
using Chatbot.ApiService.Llm.OpenAI;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Llm;

/// <summary>
/// Opens the model provider's HTTP connection (DNS, TCP, TLS) before the first question, with a
/// request that spends no tokens. Any HTTP answer counts: only reaching the server matters.
/// </summary>
public sealed class ModelConnectionWarmer(ModelHttpClient model, IOptions<LlmOptions> options)
{
    public async Task<string> WarmAsync(CancellationToken cancellationToken)
    {
        var llm = options.Value;
        var target = llm.ProviderName switch
        {
            ModelProviders.Bedrock => BedrockChatClientFactory.RuntimeUri(llm),
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
        using var response = await model.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        return $"{target.Host}: HTTP {(int)response.StatusCode}";
    }
}
