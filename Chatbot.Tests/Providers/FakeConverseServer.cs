using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Tests.Providers;

/// <summary>
/// Fakes Bedrock's <c>POST /model/{modelId}/converse-stream</c> for any model: reads the Converse
/// request (refusing turns that do not alternate, as Bedrock does) and streams ConverseStream
/// events in AWS event-stream frames: reasoning with a signature, tool use in input fragments,
/// text deltas, stop reason, usage. Faults inside the stream on request.
/// </summary>
public sealed class FakeConverseServer : FakeModelServer
{
    public override string CallId(FakeCall call) => "tooluse_" + call.IdSuffix;

    public override IReadOnlyList<SentToolResult> ToolResultsIn(RecordedModelRequest request) =>
        ToolResults(request.Body)
            .Select(result => new SentToolResult(
                (string?)result["toolUseId"] ?? "",
                string.Concat((result["content"] as JsonArray ?? []).Select(block => (string?)block?["text"]))))
            .ToArray();

    public const string StreamSuffix = "/converse-stream";
    public const string ThrottlingInStream = "throttlingException";

    private readonly Lock _gate = new();
    private int _throttleInStreamNext;
    private string? _failAfterFirstToken;

    /// <summary>The next <paramref name="streams"/> streams open with a <c>throttlingException</c>, before any content.</summary>
    public void ThrottleInStreamNext(int streams)
    {
        lock (_gate)
        {
            _throttleInStreamNext = streams;
        }
    }

    /// <summary>Every answer stream sends its first token, then an exception of <paramref name="exceptionType"/>.</summary>
    public void FailAfterFirstAnswerToken(string? exceptionType)
    {
        lock (_gate)
        {
            _failAfterFirstToken = exceptionType;
        }
    }

    public override void Reset()
    {
        base.Reset();
        ThrottleInStreamNext(0);
        FailAfterFirstAnswerToken(null);
    }

    /// <summary>Converse sends tool results as <c>toolResult</c> blocks in a user turn.</summary>
    public static IEnumerable<JsonObject> ToolResults(JsonObject body) =>
        Blocks(body).Select(block => block["toolResult"]).OfType<JsonObject>();

    public static IEnumerable<JsonObject> Blocks(JsonObject body) =>
        (body["messages"] as JsonArray ?? [])
            .Select(message => message?["content"] as JsonArray ?? [])
            .SelectMany(blocks => blocks)
            .OfType<JsonObject>();

    protected override void Map(WebApplication app) =>
        // A catch-all, so model ids with ':' (and inference-profile ARNs) match.
        app.MapPost("/model/{**rest}", HandleAsync);

    protected override Task WriteThrottlingAsync(HttpResponse response) => FakeBedrockErrors.WriteThrottlingAsync(response);

    private async Task HandleAsync(HttpContext context, string rest)
    {
        var body = await ReadJsonAsync(context.Request);
        if (body is null || !rest.EndsWith(StreamSuffix, StringComparison.Ordinal))
        {
            await RejectAsync(context.Response, "Only converse-stream with a JSON body is faked.");
            return;
        }
        if (TurnProblem(body) is { } problem)
        {
            await RejectAsync(context.Response, problem);
            return;
        }
        if (await ThrottledAsync(context))
        {
            return;
        }

        var offered = (body["toolConfig"]?["tools"] as JsonArray ?? [])
            .Select(tool => (string?)tool?["toolSpec"]?["name"]).OfType<string>().ToArray();
        var toolResults = ToolResults(body).Count();
        var reply = FakeModelScript.Decide(offered, toolResults, body.ToJsonString());
        Record(context.Request, body, offered, reply);

        IEnumerable<byte[]> frames;
        switch (reply)
        {
            case FakeReply.Handoff or FakeReply.Finish:
                var reasoning = reply == FakeReply.Handoff ? FakeModelScript.ManagerReasoning : [];
                frames = ThinkThenCall(reasoning, FakeModelScript.ManagerCalls(body.ToJsonString(), toolResults));
                break;
            case FakeReply.SearchCall when FakeModelScript.SearchCall(offered) is { } search:
                frames = ThinkThenCall(FakeModelScript.SpecialistReasoning, [search]);
                break;
            case FakeReply.Answer:
                frames = Answer();
                break;
            default:
                await RejectAsync(context.Response, $"No {FakeModelScript.SearchFunction} tool was offered: {string.Join(", ", offered)}.");
                return;
        }

        context.Response.ContentType = AwsEventStream.ContentType;
        context.Response.Headers["x-amzn-requestid"] = Guid.NewGuid().ToString();
        await StreamAsync(context.Response, WithFaults(frames).Select(frame => (ReadOnlyMemory<byte>)frame));
    }

    /// <summary>What Bedrock's validation says of turns that do not start with the user and alternate.</summary>
    private static string? TurnProblem(JsonObject body)
    {
        var roles = (body["messages"] as JsonArray ?? []).Select(message => (string?)message?["role"]).ToList();
        return roles.FirstOrDefault() != "user" || roles.Where((role, index) => index > 0 && role == roles[index - 1]).Any()
            ? "A conversation must start with a user message and alternate between user and assistant roles."
            : null;
    }

    private IEnumerable<byte[]> WithFaults(IEnumerable<byte[]> frames)
    {
        var throttle = false;
        lock (_gate)
        {
            if (_throttleInStreamNext > 0)
            {
                _throttleInStreamNext--;
                throttle = true;
            }
        }
        return throttle ? [AwsEventStream.Exception(ThrottlingInStream, FakeBedrockErrors.ThrottlingMessage)] : frames;
    }

    /// <summary>Signed reasoning, unless there is none, then the tool calls.</summary>
    private IEnumerable<byte[]> ThinkThenCall(string[] reasoning, IReadOnlyList<FakeCall> calls)
    {
        yield return Event("messageStart", new JsonObject { ["role"] = "assistant" });
        var block = 0;
        if (reasoning.Length > 0)
        {
            foreach (var part in reasoning)
            {
                yield return Delta(0, new JsonObject { ["reasoningContent"] = new JsonObject { ["text"] = part } });
            }
            yield return Delta(0, new JsonObject { ["reasoningContent"] = new JsonObject { ["signature"] = Signature(CallId(calls[0])) } });
            yield return Event("contentBlockStop", new JsonObject { ["contentBlockIndex"] = 0 });
            block = 1;
        }
        foreach (var call in calls)
        {
            yield return Event("contentBlockStart", new JsonObject
            {
                ["contentBlockIndex"] = block,
                ["start"] = new JsonObject { ["toolUse"] = new JsonObject { ["toolUseId"] = CallId(call), ["name"] = call.Tool } },
            });
            foreach (var part in call.ArgumentParts)
            {
                yield return Delta(block, new JsonObject { ["toolUse"] = new JsonObject { ["input"] = part } });
            }
            yield return Event("contentBlockStop", new JsonObject { ["contentBlockIndex"] = block });
            block++;
        }
        yield return Event("messageStop", new JsonObject { ["stopReason"] = "tool_use" });
        yield return Metadata();
    }

    private IEnumerable<byte[]> Answer()
    {
        string? failure;
        lock (_gate)
        {
            failure = _failAfterFirstToken;
        }
        yield return Event("messageStart", new JsonObject { ["role"] = "assistant" });
        foreach (var (delta, index) in FakeModelScript.AnswerDeltas.Select((delta, index) => (delta, index)))
        {
            yield return Delta(0, new JsonObject { ["text"] = delta });
            if (index == 0 && failure is not null)
            {
                yield return AwsEventStream.Exception(failure, "The model failed while streaming.");
                yield break;
            }
        }
        yield return Event("contentBlockStop", new JsonObject { ["contentBlockIndex"] = 0 });
        yield return Event("messageStop", new JsonObject { ["stopReason"] = "end_turn" });
        yield return Metadata();
    }

    /// <summary>What the fake signs its reasoning with, per tool call, so the test can find it sent back.</summary>
    public static string Signature(string toolUseId) => "fake-signature-" + toolUseId;

    private static byte[] Delta(int index, JsonObject delta) =>
        Event("contentBlockDelta", new JsonObject { ["contentBlockIndex"] = index, ["delta"] = delta });

    private static byte[] Metadata() => Event("metadata", new JsonObject
    {
        ["usage"] = new JsonObject { ["inputTokens"] = FakeModelScript.InputTokensPerCall, ["outputTokens"] = 17, ["totalTokens"] = 59 },
        ["metrics"] = new JsonObject { ["latencyMs"] = 120 },
    });

    private static byte[] Event(string type, JsonObject payload) => AwsEventStream.Event(type, payload);
}
