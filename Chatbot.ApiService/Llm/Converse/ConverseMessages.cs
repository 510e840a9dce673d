using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>
/// Chat messages as Converse turns: roles user and assistant, alternating, each with content blocks
/// (text, reasoningContent, toolUse, toolResult). Tool results travel in a user turn.
/// </summary>
public static class ConverseMessages
{
    public static JsonArray Turns(IEnumerable<ChatMessage> messages)
    {
        var turns = new JsonArray();
        JsonObject? last = null;
        foreach (var message in messages.Where(message => message.Role != ChatRole.System))
        {
            var role = message.Role == ChatRole.Assistant ? "assistant" : "user";
            var blocks = Blocks(message).ToList();
            if (blocks.Count == 0)
            {
                continue;
            }
            // Converse wants the roles to alternate: a tool's results and the next question are one user turn.
            if (last is not null && (string?)last["role"] == role)
            {
                blocks.ForEach(((JsonArray)last["content"]!).Add);
                continue;
            }
            last = new JsonObject { ["role"] = role, ["content"] = new JsonArray([.. blocks]) };
            turns.Add(last);
        }
        return turns;
    }

    private static IEnumerable<JsonObject> Blocks(ChatMessage message)
    {
        if (Reasoning(message.Contents) is { } reasoning)
        {
            yield return reasoning;
        }
        foreach (var content in message.Contents)
        {
            switch (content)
            {
                // Converse refuses blank text blocks.
                case TextContent text when !string.IsNullOrWhiteSpace(text.Text):
                    yield return new JsonObject { ["text"] = text.Text };
                    break;
                case FunctionCallContent call:
                    yield return ToolUse(call);
                    break;
                case FunctionResultContent result:
                    yield return ToolResult(result);
                    break;
            }
        }
    }

    /// <summary>
    /// The turn's reasoning as one block, first, with its signature. Only signed reasoning goes back:
    /// Claude needs its own (signed) thinking before its tool calls; other models take no reasoning as input.
    /// </summary>
    private static JsonObject? Reasoning(IEnumerable<AIContent> contents)
    {
        var parts = contents.OfType<TextReasoningContent>().ToList();
        if (parts.LastOrDefault(part => !string.IsNullOrEmpty(part.ProtectedData))?.ProtectedData is not { } signature)
        {
            return null;
        }
        var text = string.Concat(parts.Select(part => part.Text));
        return new JsonObject
        {
            ["reasoningContent"] = new JsonObject
            {
                ["reasoningText"] = new JsonObject { ["text"] = text, ["signature"] = signature },
            },
        };
    }

    private static JsonObject ToolUse(FunctionCallContent call) => new()
    {
        ["toolUse"] = new JsonObject
        {
            ["toolUseId"] = call.CallId,
            ["name"] = call.Name,
            ["input"] = JsonSerializer.SerializeToNode(call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions),
        },
    };

    private static JsonObject ToolResult(FunctionResultContent result) => new()
    {
        ["toolResult"] = new JsonObject
        {
            ["toolUseId"] = result.CallId,
            ["content"] = new JsonArray(new JsonObject { ["text"] = TextOf(result.Result) }),
            ["status"] = result.Exception is null ? "success" : "error",
        },
    };

    private static string TextOf(object? result) => result switch
    {
        null => "",
        string text => text,
        JsonElement { ValueKind: JsonValueKind.String } text => text.GetString() ?? "",
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}
