using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Identity;
using Chatbot.Contracts.Identity;
using Chatbot.ApiService.Limits;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>POST /ask_stream</c>: streams the answer as Server-Sent Events when the client asks
/// (<c>x-stream: true</c> or <c>Accept: text/event-stream</c>), else answers with JSON.
/// A conversation id held by another owner gets 404 before any work. A stream whose client sends
/// <c>x-stream-resumable: true</c> runs detached and journaled (<see cref="ResumableRuns"/>);
/// any other run is cancelled when its client leaves, as in the seed.
/// </summary>
public static class AskStreamEndpoint
{
    public const string StreamHeader = "x-stream";

    public static async Task<IResult> HandleAsync(
        HttpContext context,
        QuestionRequestReader reader,
        ChatTurnRunner runner,
        IConversationStore memory,
        ResumableRuns resumable,
        IOptions<StreamingOptions> streaming)
    {
        var (request, problem) = await reader.ReadAsync(context.Request, context.RequestAborted);
        if (problem is not null)
        {
            return problem;
        }

        var identity = CallerIdentity.Of(context.User);
        if (request!.ConversationId is { } id && !await IsNewOrOwnedByAsync(memory, id, identity, context.RequestAborted))
        {
            return ConversationsEndpoint.NotFound();
        }
        var streamMode = WantsStream(context.Request);
        var selection = streamMode ? StreamEventSelection.FromRequest(context.Request.Headers, streaming.Value) : StreamEventSelection.TokensOnly;
        var turn = new ChatTurn(request!.Question!, request.ConversationId ?? Guid.NewGuid().ToString("N"), identity);
        var sink = new RunEventSink(selection);
        var heartbeat = TimeSpan.FromSeconds(streaming.Value.HeartbeatSeconds);
        if (streamMode && resumable.IsRequested(context.Request))
        {
            var start = await resumable.TryStartAsync(turn, sink, context.RequestAborted);
            if (start.Refused)
            {
                return RateLimitRegistration.TooManyRequests(context.Response, TimeSpan.FromSeconds(1));
            }
            if (start.Live is { } live)
            {
                return new SseStreamResult(live, heartbeat, turn.RunId, turn.ConversationId) { Resumable = true };
            }
        }
        var producer = runner.StartAsync(turn, sink, context.RequestAborted);
        if (streamMode)
        {
            return new SseStreamResult(sink.Reader, heartbeat, turn.RunId, turn.ConversationId);
        }

        var terminal = await LastEventAsync(sink);
        await producer;
        return terminal?.Type == StreamEventType.Complete
            ? TypedResults.Ok(new QuestionResponse(sink.Answer, turn.ConversationId))
            : TypedResults.Problem(ChatTurnRunner.FailureMessage, statusCode: StatusCodes.Status502BadGateway,
                title: "The answer failed", extensions: new Dictionary<string, object?> { ["correlation_id"] = terminal?.CorrelationId });
    }

    public static bool WantsStream(HttpRequest request) =>
        string.Equals(request.Headers[StreamHeader].ToString().Trim(), "true", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Accept.ToString().Contains(SseStreamResult.ContentType, StringComparison.OrdinalIgnoreCase);

    private static async Task<bool> IsNewOrOwnedByAsync(IConversationStore memory, string conversationId, AltecoContext identity, CancellationToken cancellationToken) =>
        await memory.GetOwnerAsync(conversationId, cancellationToken) is not { } owner || owner == identity.Owner;

    private static async Task<StreamEvent?> LastEventAsync(RunEventSink sink)
    {
        StreamEvent? last = null;
        await foreach (var streamEvent in sink.Reader.ReadAllAsync())
        {
            last = streamEvent;
        }
        return last;
    }
}
