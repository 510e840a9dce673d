using System.Text.Json.Nodes;
using Chatbot.ApiService.Llm.Bedrock;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>The JSON body of a Converse request: messages, system, inferenceConfig, toolConfig.</summary>
public static class ConverseRequestBody
{
    public static JsonObject Create(IEnumerable<ChatMessage> messages, ChatOptions? options, ConverseSettings settings)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var thinking = settings.EnableThinking && BedrockApis.IsAnthropicModel(settings.ModelId);
        var body = new JsonObject
        {
            ["messages"] = ConverseMessages.Turns(list),
            ["inferenceConfig"] = InferenceConfig(options, settings, thinking),
        };
        if (System(list, options) is { Count: > 0 } system)
        {
            body["system"] = system;
        }
        if (ConverseTools.Config(options, thinking) is { } toolConfig)
        {
            body["toolConfig"] = toolConfig;
        }
        if (thinking)
        {
            body["additionalModelRequestFields"] = new JsonObject
            {
                ["thinking"] = new JsonObject { ["type"] = "enabled", ["budget_tokens"] = BedrockOptions.ThinkingBudgetTokens },
            };
        }
        return body;
    }

    /// <summary>Converse keeps instructions apart from the turns: system messages and <see cref="ChatOptions.Instructions"/>.</summary>
    private static JsonArray System(IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        var texts = messages.Where(message => message.Role == ChatRole.System).Select(message => message.Text)
            .Append(options?.Instructions)
            .Where(text => !string.IsNullOrWhiteSpace(text));
        return [.. texts.Select(text => new JsonObject { ["text"] = text })];
    }

    private static JsonObject InferenceConfig(ChatOptions? options, ConverseSettings settings, bool thinking)
    {
        var config = new JsonObject { ["maxTokens"] = options?.MaxOutputTokens ?? settings.MaxOutputTokens };
        // Claude refuses a temperature or topP of its choosing while it thinks.
        if (!thinking && options?.Temperature is { } temperature)
        {
            config["temperature"] = temperature;
        }
        if (!thinking && options?.TopP is { } topP)
        {
            config["topP"] = topP;
        }
        if (options?.StopSequences is { Count: > 0 } stops)
        {
            config["stopSequences"] = new JsonArray([.. stops.Select(stop => JsonValue.Create(stop))]);
        }
        return config;
    }
}
