using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>The offered functions as Converse's <c>toolConfig</c>: a <c>toolSpec</c> with a JSON schema each, and the tool choice.</summary>
public static class ConverseTools
{
    public static JsonObject? Config(ChatOptions? options, bool thinking)
    {
        var functions = options?.Tools?.OfType<AIFunctionDeclaration>().ToList() ?? [];
        if (functions.Count == 0)
        {
            return null;
        }
        var config = new JsonObject { ["tools"] = new JsonArray([.. functions.Select(Spec)]) };
        // Auto is Converse's default and the only choice every tool-using model takes, so it goes unsaid.
        // There is no "none": the tools stay declared, as turns with toolUse blocks require.
        // Claude refuses a forced choice while it thinks, so then it chooses on its own.
        if (!thinking && Required(options!.ToolMode) is { } choice)
        {
            config["toolChoice"] = choice;
        }
        return config;
    }

    private static JsonObject Spec(AIFunctionDeclaration function)
    {
        var spec = new JsonObject
        {
            ["name"] = function.Name,
            ["inputSchema"] = new JsonObject { ["json"] = JsonNode.Parse(function.JsonSchema.GetRawText()) },
        };
        if (!string.IsNullOrWhiteSpace(function.Description))
        {
            spec["description"] = function.Description;
        }
        return new JsonObject { ["toolSpec"] = spec };
    }

    private static JsonObject? Required(ChatToolMode? mode) => mode switch
    {
        RequiredChatToolMode { RequiredFunctionName: { } name } => new JsonObject { ["tool"] = new JsonObject { ["name"] = name } },
        RequiredChatToolMode => new JsonObject { ["any"] = new JsonObject() },
        _ => null,
    };
}
