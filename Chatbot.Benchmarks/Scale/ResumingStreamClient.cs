using System.Diagnostics;
using System.Text.Json;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// A client that keeps its answer through a replica's death, with the chat UI's own stream client:
/// it asks for a resumable stream, and whenever the connection breaks the client resumes the run
/// on another replica after its last event (<see cref="ReplicaRoute"/>), until <c>complete</c> or
/// an <c>error</c> event, or until its deadline (then the stream counts as hung). A question
/// whose connection broke before the response began has no run to resume: it is asked again on
/// another replica.
/// </summary>
public sealed class ResumingStreamClient(HttpClient http, ReplicaRouter router, Stopwatch phaseClock, TimeSpan deadline)
{
    private static readonly TimeSpan AskAgainAfter = TimeSpan.FromMilliseconds(250);

    private readonly ChatStreamClient _answers = new(http, ResumePolicy.Default with { Budget = deadline });

    public async Task<ScaleOutcome> AskAsync(int user, string conversationId)
    {
        var progress = new StreamProgress(user, conversationId, router.First(user), phaseClock.Elapsed);
        var route = new ReplicaRoute(router, progress);
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            while (true)
            {
                try
                {
                    return progress.End(await ReadAsync(progress, route, timeout.Token), phaseClock.Elapsed);
                }
                catch (HttpRequestException exception) when (progress.RunId is null)
                {
                    route.Unreachable(exception);
                    progress.AskedAgain++;
                    await Task.Delay(AskAgainAfter, timeout.Token);
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return progress.End(StreamEnding.Hung, phaseClock.Elapsed);
        }
    }

    /// <summary>Reads the answer to its ending; <see cref="StreamProgress"/> judges each event as it comes off the wire.</summary>
    private async Task<StreamEnding> ReadAsync(StreamProgress progress, ReplicaRoute route, CancellationToken cancellationToken)
    {
        try
        {
            var ask = router[progress.Replica].Ask(progress.ConversationId);
            await foreach (var _ in _answers.AskAsync(ask, route.Options, cancellationToken))
            {
                if (progress.Ending is { } ending)
                {
                    return ending;
                }
            }
            return progress.Ending ?? StreamEnding.Failed("ended without complete");
        }
        catch (ChatStreamException exception)
        {
            return exception.Failure switch
            {
                // Unknown, expired, or read to its end: nothing more will come, and it never ended for this client.
                StreamFailure.NotResumable => StreamEnding.Failed("resume answered 204"),
                StreamFailure.Refused when progress.Resumes > 0 => StreamEnding.Failed($"resume answered HTTP {(int)exception.StatusCode!}"),
                StreamFailure.Refused => StreamEnding.Failed($"HTTP {(int)exception.StatusCode!}"),
                _ => StreamEnding.Hung,
            };
        }
        catch (JsonException)
        {
            return StreamEnding.Failed("malformed event");
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && progress.RunId is not null)
        {
            // Broken after the run began, and the API did not journal it: nothing to resume.
            return StreamEnding.Failed(exception.GetType().Name);
        }
    }
}
