using System.Globalization;
using Chatbot.ApiService.Answers;
using Chatbot.ApiService.Identity;
using Chatbot.Contracts.Streaming;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// <c>GET /ask_stream/{runId}</c>: the events of a resumable run after the client's last one
/// (<c>Last-Event-ID</c>, or <c>?after=</c> which wins). 204 when there is nothing to resume
/// (unknown, expired, or already read to its end), 404 for another owner's run, 410 when the
/// events the client lacks were trimmed.
/// </summary>
public static class ResumeStreamEndpoint
{
    public static async Task<Results<SseStreamResult, NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        string runId, HttpContext context, [AsParameters] AnswerServices services)
    {
        if (!RunIds.IsValid(runId))
        {
            return RunIds.Invalid();
        }
        if (ReadAfter(context.Request) is not { } after)
        {
            return InvalidPosition($"'{StreamHeaders.AfterQuery}' and {StreamHeaders.LastEventId} must be the sequence number (a whole number, 0 or more) of the last event the client has.");
        }
        var resume = await services.Answers.ResumeAsync(runId, after, CallerIdentity.Of(context.User), context.RequestAborted);
        return resume.Status switch
        {
            ResumeStatus.Resumed => new SseStreamResult(resume.Events!, services.Heartbeat, runId, resume.Run!.ConversationId) { Resumable = true },
            ResumeStatus.Unknown or ResumeStatus.ReadToEnd => TypedResults.NoContent(),
            ResumeStatus.NotOwner => RunIds.NotFound(),
            ResumeStatus.BeyondEnd => InvalidPosition($"This run has sent {resume.Run!.LastSequence} events so far; {after} is past them."),
            _ => TypedResults.Problem(
                $"Events {after + 1} to {resume.Run!.FirstKeptSequence - 1} of this run are no longer kept; it cannot be resumed without a gap.",
                statusCode: StatusCodes.Status410Gone, title: "Run events trimmed"),
        };
    }

    /// <summary>The query's <c>after</c>, else the header, else 0; null when either is malformed.</summary>
    private static long? ReadAfter(HttpRequest request)
    {
        var raw = request.Query.TryGetValue(StreamHeaders.AfterQuery, out var query) ? query.ToString() : request.Headers[StreamHeaders.LastEventId].ToString();
        if (raw.Length == 0)
        {
            return 0;
        }
        return long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : null;
    }

    private static ValidationProblem InvalidPosition(string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [StreamHeaders.AfterQuery] = [message] }, title: "Invalid resume position");
}
