using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Chatbot.ApiService.Llm.OpenAI;

/// <summary>Any OpenAI-compatible chat-completions server: Ollama, vLLM, LM Studio, OpenAI, Azure OpenAI.</summary>
public static class OpenAIChatClientFactory
{
    public static IChatClient Create(LlmOptions options, HttpClient http)
    {
        if (string.IsNullOrWhiteSpace(options.ModelId))
        {
            throw new InvalidOperationException("The openai provider needs a model name in Chatbot:Llm:ModelId.");
        }
        var clientOptions = new OpenAIClientOptions
        {
            Transport = new HttpClientPipelineTransport(http),
            // ThrottlingRetryChatClient is the one retry layer; the SDK's own would multiply its attempts.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        };
        if (!string.IsNullOrWhiteSpace(options.OpenAI.Endpoint))
        {
            clientOptions.Endpoint = new Uri(options.OpenAI.Endpoint);
        }
        // Local servers ignore the key, but the SDK insists on one.
        var key = string.IsNullOrWhiteSpace(options.OpenAI.ApiKey) ? "not-needed" : options.OpenAI.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(key), clientOptions).GetChatClient(options.ModelId).AsIChatClient();
    }

    /// <summary>Listing models opens the connection and checks the key without spending tokens.</summary>
    public static Uri ModelsUri(LlmOptions options)
    {
        var endpoint = string.IsNullOrWhiteSpace(options.OpenAI.Endpoint) ? "https://api.openai.com/v1" : options.OpenAI.Endpoint;
        return new Uri(endpoint.TrimEnd('/') + "/models");
    }
}
