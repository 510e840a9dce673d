using System.Net;
using System.Runtime.CompilerServices;
using Chatbot.Contracts.Api;

namespace Chatbot.Contracts.Streams;

/// <summary>
/// Asks the API a question and reads its answer's events, resuming the run's stream when the
/// connection breaks (<see cref="ResumableEventStream"/>); resumes a run by its id; stops a run.
/// The HttpClient is the caller's, handlers and all. One that reads streams should not carry the
/// standard resilience handler (<c>AddStreamingDefaults</c>): no 10-second attempt timeout and no
/// retry that would ask the model twice; only the resume, which asks nothing new, is retried.
/// Waits run on <paramref name="clock"/> (the system's unless a test brings its own).
/// </summary>
public sealed class ChatStreamClient(HttpClient http, ResumePolicy? policy = null, TimeProvider? clock = null)
{
    private readonly StreamResumer _resumer = new(http, policy ?? ResumePolicy.Default, clock ?? TimeProvider.System);

    /// <exception cref="ChatStreamException">The API refused the question, or the stream was lost for good.</exception>
    public async IAsyncEnumerable<ChatStreamEvent> AskAsync(
        AskStreamRequest ask, StreamCallOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= StreamCallOptions.None;
        var response = await StartAsync(ask, options, cancellationToken);
        await foreach (var streamEvent in ReadAsync(response, options, lastSequence: 0, cancellationToken))
        {
            yield return streamEvent;
        }
    }

    /// <summary>
    /// A run's stream after event <paramref name="after"/> (0: the whole run, whose <c>start</c>
    /// carries the question), e.g. after a page was reloaded mid-answer.
    /// </summary>
    /// <exception cref="ChatStreamException">The run is unknown, ended and expired, or another user's.</exception>
    public async IAsyncEnumerable<ChatStreamEvent> ResumeAsync(
        string runId, long after = 0, StreamCallOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= StreamCallOptions.None;
        var response = await _resumer.ResumeAsync(runId, after, options, down: TimeSpan.Zero, cancellationToken);
        await foreach (var streamEvent in ReadAsync(response, options, after, cancellationToken))
        {
            yield return streamEvent;
        }
    }

    /// <summary>Asks the API to stop a run; true when it was running, false when it had ended or is unknown.</summary>
    public async Task<bool> CancelRunAsync(string runId, StreamCallOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = (options ?? StreamCallOptions.None).Prepared(new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.CancelRun(runId)));
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            return false;
        }
        response.EnsureSuccessStatusCode();
        return response.StatusCode == HttpStatusCode.Accepted;
    }

    private async IAsyncEnumerable<ChatStreamEvent> ReadAsync(
        HttpResponseMessage response, StreamCallOptions options, long lastSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var events = new ResumableEventStream(response, _resumer, options, lastSequence);
        while (await events.NextAsync(cancellationToken) is { } streamEvent)
        {
            yield return streamEvent;
        }
    }

    private async Task<HttpResponseMessage> StartAsync(AskStreamRequest ask, StreamCallOptions options, CancellationToken cancellationToken)
    {
        using var request = options.Prepared(ask.ToHttpRequest());
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ChatStreamException.RefusedAsync(response, cancellationToken);
            }
        }
        options.Observer?.Opened(response);
        return response;
    }
}
