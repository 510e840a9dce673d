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
    public override string CallId(FakeCall call) => "call_" + call.IdSuffix;

    public override IReadOnlyList<SentToolResult> ToolResultsIn(RecordedModelRequest request) =>
        ToolMessages(request.Body)
            .Select(message => new SentToolResult((string?)message["tool_call_id"] ?? "", TextOf(message["content"])))
            .ToArray();

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
        var toolResults = ToolMessages(body).Count();
        var reply = FakeModelScript.Decide(offered, toolResults, body.ToJsonString());
        Record(context.Request, body, offered, reply);

        var chunks = new Chunks((string?)body["model"] ?? "unknown", CallId);
        IEnumerable<JsonObject> stream;
        switch (reply)
        {
            case FakeReply.Handoff or FakeReply.Finish:
                var reasoning = reply == FakeReply.Handoff ? FakeModelScript.ManagerReasoning : [];
                stream = chunks.ThinkThenCall(reasoning, FakeModelScript.ManagerCalls(body.ToJsonString(), toolResults));
                break;
            case FakeReply.SearchCall when FakeModelScript.SearchCall(offered) is { } search:
                stream = chunks.ThinkThenCall(FakeModelScript.SpecialistReasoning, [search]);
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
    public static IEnumerable<JsonObject> ToolMessages(JsonObject body) =>
        (body["messages"] as JsonArray ?? []).OfType<JsonObject>().Where(message => (string?)message["role"] == "tool");

    private sealed class Chunks(string model, Func<FakeCall, string> callId)
    {
        private readonly string _id = "chatcmpl-fake-" + Guid.NewGuid().ToString("N");

        public IEnumerable<JsonObject> ThinkThenCall(string[] reasoning, IReadOnlyList<FakeCall> calls)
        {
            yield return Choice(new JsonObject { ["role"] = "assistant", ["content"] = "" });
            foreach (var part in reasoning)
            {
                yield return Choice(new JsonObject { ["reasoning_content"] = part });
            }
            foreach (var (call, index) in calls.Select((call, index) => (call, index)))
            {
                // The first delta of a tool call names it; later ones only add argument fragments.
                yield return Choice(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject
                    {
                        ["index"] = index,
                        ["id"] = callId(call),
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = call.Tool, ["arguments"] = "" },
                    }),
                });
                foreach (var part in call.ArgumentParts)
                {
                    yield return Choice(new JsonObject
                    {
                        ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = index, ["function"] = new JsonObject { ["arguments"] = part } }),
                    });
                }
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
