using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Tests.Providers;

/// <summary>
/// Fakes an OpenAI-compatible <c>POST /v1/chat/completions</c> with <c>stream: true</c>: answers
/// in <c>chat.completion.chunk</c> Server-Sent Events, reasoning in <c>delta.reasoning_content</c>
/// (as DeepSeek, vLLM and Qwen servers send it).
/// </summary>
public sealed class FakeOpenAIServer : FakeModelServer
{
    public const string ChatCompletionsPath = "/v1/chat/completions";

    protected override void Map(WebApplication app) => app.MapPost(ChatCompletionsPath, HandleAsync);

    private async Task HandleAsync(HttpContext context)
    {
        var body = await ReadJsonAsync(context.Request);
        if (body is null || (bool?)body["stream"] != true)
        {
            await RejectAsync(context.Response, "Only streamed chat completions are faked.");
            return;
        }

        if (await ThrottledAsync(context))
        {
            return;
        }

        var offered = (body["tools"] as JsonArray ?? []).Select(tool => (string?)tool?["function"]?["name"]).OfType<string>().ToArray();
        var reply = FakeModelScript.Decide(offered, HasToolResult(body));
        Record(context.Request, body, offered, reply);

        var chunks = new Chunks((string?)body["model"] ?? "unknown");
        IEnumerable<JsonObject> stream;
        switch (reply)
        {
            case FakeReply.Handoff:
                stream = chunks.ThinkThenCall(FakeModelScript.ManagerReasoning, "call_handoff", FakeModelScript.HandoffTool, ["{}"]);
                break;
            case FakeReply.Finish:
                stream = chunks.ThinkThenCall([], "call_finish", FakeModelScript.FinishTool, ["{}"]);
                break;
            case FakeReply.SearchCall when FakeModelScript.SearchToolName(offered) is { } search:
                stream = chunks.ThinkThenCall(FakeModelScript.SpecialistReasoning, "call_search", search, ["{\"query\":", "\"solar\"}"]);
                break;
            case FakeReply.Answer:
                stream = chunks.Answer();
                break;
            default:
                await RejectAsync(context.Response, $"No {FakeModelScript.SearchFunction} tool was offered: {string.Join(", ", offered)}.");
                return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var frames = stream.Select(chunk => "data: " + chunk.ToJsonString() + "\n\n").Append("data: [DONE]\n\n");
        await StreamAsync(context.Response, frames.Select(frame => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(frame)));
    }

    protected override Task WriteThrottlingAsync(HttpResponse response) =>
        response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached. Please try again later.", type = "rate_limit_error", code = "rate_limit_exceeded" } });

    /// <summary>Tool results come back as messages with role <c>tool</c>.</summary>
    public static bool HasToolResult(JsonObject body) => ToolMessages(body).Any();

    public static IEnumerable<JsonObject> ToolMessages(JsonObject body) =>
        (body["messages"] as JsonArray ?? []).OfType<JsonObject>().Where(message => (string?)message["role"] == "tool");

    private sealed class Chunks(string model)
    {
        private readonly string _id = "chatcmpl-fake-" + Guid.NewGuid().ToString("N");

        public IEnumerable<JsonObject> ThinkThenCall(string[] reasoning, string callId, string tool, string[] argumentParts)
        {
            yield return Choice(new JsonObject { ["role"] = "assistant", ["content"] = "" });
            foreach (var part in reasoning)
            {
                yield return Choice(new JsonObject { ["reasoning_content"] = part });
            }
            // The first tool-call delta names the call; later ones only add argument fragments.
            yield return Choice(new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["id"] = callId,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = tool, ["arguments"] = "" },
                }),
            });
            foreach (var part in argumentParts)
            {
                yield return Choice(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = part } }),
                });
            }
            yield return Choice(new JsonObject(), finishReason: "tool_calls");
            yield return Usage();
        }

        public IEnumerable<JsonObject> Answer()
        {
            yield return Choice(new JsonObject { ["role"] = "assistant", ["content"] = "" });
            foreach (var delta in FakeModelScript.AnswerDeltas)
            {
                yield return Choice(new JsonObject { ["content"] = delta });
            }
            yield return Choice(new JsonObject(), finishReason: "stop");
            yield return Usage();
        }

        private JsonObject Choice(JsonObject delta, string? finishReason = null) => Chunk(
            new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }));

        private JsonObject Usage()
        {
            var chunk = Chunk([]);
            chunk["usage"] = new JsonObject { ["prompt_tokens"] = FakeModelScript.InputTokensPerCall, ["completion_tokens"] = 17, ["total_tokens"] = 59 };
            return chunk;
        }

        private JsonObject Chunk(JsonArray choices) => new()
        {
            ["id"] = _id,
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_700_000_000,
            ["model"] = model,
            ["choices"] = choices,
        };
    }
}
