using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Tests.Providers;

/// <summary>
/// Fakes Bedrock's <c>POST /model/{modelId}/invoke-with-response-stream</c> for Anthropic models:
/// reads the Anthropic Messages request and streams Anthropic events in AWS event-stream frames.
/// </summary>
public sealed class FakeBedrockServer : FakeModelServer
{
    public override string CallId(FakeCall call) => "toolu_" + call.IdSuffix;

    public override IReadOnlyList<SentToolResult> ToolResultsIn(RecordedModelRequest request) =>
        ToolResults(request.Body)
            .Select(block => new SentToolResult((string?)block["tool_use_id"] ?? "", TextOf(block["content"])))
            .ToArray();

    private const string StreamSuffix = "/invoke-with-response-stream";

    protected override void Map(WebApplication app) =>
        // A catch-all, so model ids with ':' (and inference-profile ARNs) match.
        app.MapPost("/model/{**rest}", HandleAsync);

    private async Task HandleAsync(HttpContext context, string rest)
    {
        var body = await ReadJsonAsync(context.Request);
        if (body is null || !rest.EndsWith(StreamSuffix, StringComparison.Ordinal))
        {
            await RejectAsync(context.Response, "Only invoke-with-response-stream with a JSON body is faked.");
            return;
        }

        if (await ThrottledAsync(context))
        {
            return;
        }

        var offered = (body["tools"] as JsonArray ?? []).Select(tool => (string?)tool?["name"]).OfType<string>().ToArray();
        var toolResults = ToolResults(body).Count();
        var reply = FakeModelScript.Decide(offered, toolResults, body.ToJsonString());
        Record(context.Request, body, offered, reply);

        var model = rest[..^StreamSuffix.Length];
        IEnumerable<string> events;
        switch (reply)
        {
            case FakeReply.Handoff or FakeReply.Finish:
                var reasoning = reply == FakeReply.Handoff ? FakeModelScript.ManagerReasoning : [];
                events = ThinkThenCall(model, reasoning, FakeModelScript.ManagerCalls(body.ToJsonString(), toolResults));
                break;
            case FakeReply.SearchCall when FakeModelScript.SearchCall(offered) is { } search:
                events = ThinkThenCall(model, FakeModelScript.SpecialistReasoning, [search]);
                break;
            case FakeReply.Answer:
                events = Answer(model);
                break;
            default:
                await RejectAsync(context.Response, $"No {FakeModelScript.SearchFunction} tool was offered: {string.Join(", ", offered)}.");
                return;
        }

        context.Response.ContentType = AwsEventStream.ContentType;
        // The Anthropic Bedrock SDK reads this header on every streamed response and fails without it.
        context.Response.Headers["x-amzn-bedrock-content-type"] = "application/json";
        context.Response.Headers["x-amzn-requestid"] = Guid.NewGuid().ToString();
        await StreamAsync(context.Response, events.Select(json => (ReadOnlyMemory<byte>)AwsEventStream.Chunk(json)));
    }

    protected override Task WriteThrottlingAsync(HttpResponse response) => FakeBedrockErrors.WriteThrottlingAsync(response);

    /// <summary>Anthropic sends tool results as <c>tool_result</c> blocks in a user message.</summary>
    public static IEnumerable<JsonObject> ToolResults(JsonObject body) =>
        (body["messages"] as JsonArray ?? [])
            .Select(message => message?["content"] as JsonArray ?? [])
            .SelectMany(blocks => blocks)
            .OfType<JsonObject>()
            .Where(block => (string?)block["type"] == "tool_result");

    /// <summary>A signed thinking block, unless there is no reasoning, then the tool calls.</summary>
    private IEnumerable<string> ThinkThenCall(string model, string[] reasoning, IReadOnlyList<FakeCall> calls)
    {
        yield return MessageStart(model);
        var block = 0;
        if (reasoning.Length > 0)
        {
            yield return Json(new { type = "content_block_start", index = 0, content_block = new { type = "thinking", thinking = "", signature = "" } });
            foreach (var part in reasoning)
            {
                yield return Json(new { type = "content_block_delta", index = 0, delta = new { type = "thinking_delta", thinking = part } });
            }
            yield return Json(new { type = "content_block_delta", index = 0, delta = new { type = "signature_delta", signature = "fake-signature-" + CallId(calls[0]) } });
            yield return Json(new { type = "content_block_stop", index = 0 });
            block = 1;
        }
        foreach (var call in calls)
        {
            yield return Json(new { type = "content_block_start", index = block, content_block = new { type = "tool_use", id = CallId(call), name = call.Tool, input = new { } } });
            foreach (var part in call.ArgumentParts)
            {
                yield return Json(new { type = "content_block_delta", index = block, delta = new { type = "input_json_delta", partial_json = part } });
            }
            yield return Json(new { type = "content_block_stop", index = block });
            block++;
        }
        yield return MessageDelta("tool_use");
        yield return MessageStop();
    }

    private static IEnumerable<string> Answer(string model)
    {
        yield return MessageStart(model);
        yield return Json(new { type = "content_block_start", index = 0, content_block = new { type = "text", text = "" } });
        foreach (var delta in FakeModelScript.AnswerDeltas)
        {
            yield return Json(new { type = "content_block_delta", index = 0, delta = new { type = "text_delta", text = delta } });
        }
        yield return Json(new { type = "content_block_stop", index = 0 });
        yield return MessageDelta("end_turn");
        yield return MessageStop();
    }

    private static string MessageStart(string model) => Json(new
    {
        type = "message_start",
        message = new
        {
            id = "msg_fake_" + Guid.NewGuid().ToString("N"),
            type = "message",
            role = "assistant",
            model,
            content = Array.Empty<object>(),
            stop_reason = (string?)null,
            stop_sequence = (string?)null,
            usage = new { input_tokens = FakeModelScript.InputTokensPerCall, output_tokens = 1 },
        },
    });

    private static string MessageDelta(string stopReason) =>
        Json(new { type = "message_delta", delta = new { stop_reason = stopReason, stop_sequence = (string?)null }, usage = new { output_tokens = 17 } });

    private static string MessageStop() => Json(new { type = "message_stop" });

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
