using System.Diagnostics;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// A client that keeps its answer through a replica's death, as the chat UI does: it asks for a
/// resumable stream, and whenever the connection breaks it resumes the run on another replica
/// after its last event (<c>Last-Event-ID</c>), backing off 250 ms → 4 s, until <c>complete</c>
/// or an <c>error</c> event, or until its deadline (then the stream counts as hung). A question
/// whose connection broke before the response began has no run to resume: it is asked again on
/// another replica.
/// </summary>
public sealed class ResumingStreamClient(HttpClient http, ReplicaRouter router, Stopwatch phaseClock, TimeSpan deadline)
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(4);

    public async Task<ScaleOutcome> AskAsync(int user, string conversationId)
    {
        var progress = new StreamProgress(user, conversationId, router.First(user), phaseClock.Elapsed);
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            var ending = await StartAsync(progress, timeout.Token);
            for (var backoff = FirstBackoff; ending is null; backoff = Min(backoff * 2, MaxBackoff))
            {
                await Task.Delay(backoff, timeout.Token);
                ending = await ResumeAsync(progress, timeout.Token);
            }
            return progress.End(ending.Value, phaseClock.Elapsed);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return progress.End(StreamEnding.Hung, phaseClock.Elapsed);
        }
    }

    /// <summary>Asks the question; its ending, or null when the stream broke after the run began.</summary>
    private async Task<StreamEnding?> StartAsync(StreamProgress progress, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = router[progress.Replica].CreateRequest(progress.ConversationId, progress.User);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            }
            catch (HttpRequestException exception)
            {
                Unreachable(progress, exception);
                progress.AskedAgain++;
                await Task.Delay(FirstBackoff, cancellationToken);
                continue;
            }
            using (response)
            {
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return StreamEnding.Failed($"HTTP {(int)response.StatusCode}");
                }
                if (!response.Headers.TryGetValues(StreamHeaders.RunId, out var runIds))
                {
                    return StreamEnding.Failed("no run id");
                }
                progress.Accepted(runIds.Single());
                return await ReadAsync(response, progress, cancellationToken);
            }
        }
    }

    /// <summary>Resumes on another replica; the ending, or null to try again.</summary>
    private async Task<StreamEnding?> ResumeAsync(StreamProgress progress, CancellationToken cancellationToken)
    {
        progress.Replica = router.Next(progress.Replica);
        progress.Resumes++;
        using var request = router[progress.Replica].CreateResumeRequest(progress.RunId!, progress.LastSequence, progress.User);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            Unreachable(progress, exception);
            return null;
        }
        using (response)
        {
            return response.StatusCode switch
            {
                HttpStatusCode.OK => await ReadAsync(response, progress, cancellationToken),
                // Unknown, expired, or read to its end: nothing more will come, and it never ended for this client.
                HttpStatusCode.NoContent => StreamEnding.Failed("resume answered 204"),
                >= HttpStatusCode.InternalServerError => null,
                _ => StreamEnding.Failed($"resume answered HTTP {(int)response.StatusCode}"),
            };
        }
    }

    /// <summary>Reads events to the stream's ending; null when the connection broke or the stream stopped without one.</summary>
    private static async Task<StreamEnding?> ReadAsync(HttpResponseMessage response, StreamProgress progress, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var events = SseParser.Create(body, (_, data) => StreamEventJson.FromStoredJson(data, sequence: 0));
            await foreach (var item in events.EnumerateAsync(cancellationToken))
            {
                if (progress.Take(item) is { } ending)
                {
                    return ending;
                }
            }
            return null;
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return null;
        }
        catch (JsonException)
        {
            return StreamEnding.Failed("malformed event");
        }
    }

    /// <summary>A refused connection means the replica is gone; any other failure moves on without judging it.</summary>
    private void Unreachable(StreamProgress progress, HttpRequestException exception)
    {
        if (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            router.MarkDown(progress.Replica);
        }
        progress.Replica = router.Next(progress.Replica);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
