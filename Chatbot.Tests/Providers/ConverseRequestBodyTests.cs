using System.Text.Json;
using System.Text.Json.Nodes;
using Chatbot.ApiService.Llm.Converse;
using Microsoft.Extensions.AI;

namespace Chatbot.Tests.Providers;

/// <summary>The Converse request's shapes that the end-to-end run does not reach.</summary>
public sealed class ConverseRequestBodyTests
{
    private static readonly Uri Runtime = new("https://bedrock-runtime.us-east-1.amazonaws.com/");

    [Fact]
    public void Claude_through_converse_is_asked_to_think_without_a_temperature()
    {
        var body = Create(new ConverseSettings(Runtime, "us.anthropic.claude-sonnet-4-v1:0", 4096, EnableThinking: true), new ChatOptions { Temperature = 0.2f });

        Assert.Equal("enabled", (string?)body["additionalModelRequestFields"]?["thinking"]?["type"]);
        Assert.Equal(1024, (int?)body["additionalModelRequestFields"]?["thinking"]?["budget_tokens"]);
        Assert.Null(body["inferenceConfig"]?["temperature"]);
    }

    [Fact]
    public void Other_models_get_no_anthropic_fields()
    {
        var body = Create(new ConverseSettings(Runtime, "amazon.nova-pro-v1:0", 4096, EnableThinking: true), new ChatOptions { Temperature = 0.2f });

        Assert.Null(body["additionalModelRequestFields"]);
        Assert.Equal(0.2f, (float?)body["inferenceConfig"]?["temperature"]);
    }

    [Fact]
    public void A_tool_result_and_the_next_question_share_one_user_turn()
    {
        var arguments = new Dictionary<string, object?> { ["query"] = "solar" };
        ChatMessage[] messages =
        [
            new(ChatRole.System, "Be brief."),
            new(ChatRole.User, "What is PV?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call-1", "search", arguments)]),
            new(ChatRole.Tool, [new FunctionResultContent("call-1", JsonSerializer.SerializeToElement("Photovoltaics."))]),
            new(ChatRole.User, "Thanks, and batteries?"),
        ];

        var body = ConverseRequestBody.Create(messages, null, new ConverseSettings(Runtime, "amazon.nova-pro-v1:0", 512, false));

        var turns = (JsonArray)body["messages"]!;
        Assert.Equal(["user", "assistant", "user"], turns.Select(turn => (string?)turn?["role"]));
        Assert.Equal("Be brief.", (string?)body["system"]?[0]?["text"]);
        Assert.Equal("solar", (string?)turns[1]?["content"]?[0]?["toolUse"]?["input"]?["query"]);
        var last = (JsonArray)turns[2]!["content"]!;
        Assert.Equal("Photovoltaics.", (string?)last[0]?["toolResult"]?["content"]?[0]?["text"]);
        Assert.Equal("Thanks, and batteries?", (string?)last[1]?["text"]);
    }

    [Fact]
    public void A_required_tool_is_named_and_auto_goes_unsaid()
    {
        var tool = AIFunctionFactory.Create((string query) => query, "search");

        var required = Create(new ConverseSettings(Runtime, "amazon.nova-pro-v1:0", 512, false), new ChatOptions { Tools = [tool], ToolMode = ChatToolMode.RequireSpecific("search") });
        var auto = Create(new ConverseSettings(Runtime, "amazon.nova-pro-v1:0", 512, false), new ChatOptions { Tools = [tool], ToolMode = ChatToolMode.Auto });

        Assert.Equal("search", (string?)required["toolConfig"]?["toolChoice"]?["tool"]?["name"]);
        Assert.Null(auto["toolConfig"]?["toolChoice"]);
        Assert.Equal("search", (string?)auto["toolConfig"]?["tools"]?[0]?["toolSpec"]?["name"]);
    }

    [Fact]
    public void Thinking_claude_is_not_forced_to_call_a_tool_which_it_would_refuse()
    {
        var tool = AIFunctionFactory.Create((string query) => query, "search");
        var options = new ChatOptions { Tools = [tool], ToolMode = ChatToolMode.RequireAny };

        var thinking = Create(new ConverseSettings(Runtime, "us.anthropic.claude-sonnet-4-v1:0", 4096, EnableThinking: true), options);
        var other = Create(new ConverseSettings(Runtime, "amazon.nova-pro-v1:0", 4096, EnableThinking: true), options);

        Assert.Null(thinking["toolConfig"]?["toolChoice"]);
        Assert.IsType<JsonObject>(other["toolConfig"]?["toolChoice"]?["any"]);
    }

    private static JsonObject Create(ConverseSettings settings, ChatOptions options) =>
        ConverseRequestBody.Create([new ChatMessage(ChatRole.User, "Hello")], options, settings);
}
