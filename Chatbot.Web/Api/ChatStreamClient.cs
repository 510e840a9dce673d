using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Web.Identity;

namespace Chatbot.Web.Api;

/// <summary>
/// Reads an answer's Server-Sent Events, resuming the run's stream when the connection breaks
/// (<see cref="ResumableEventStream"/>). Its HttpClient opts out of the standard resilience
/// handler (<c>AddStreamingDefaults</c>): no 10-second attempt timeout and no retry that would
/// ask the model twice; only the resume, which asks nothing new, is retried. Its waits run on
/// <paramref name="clock"/> (the system's unless a test brings its own).
/// </summary>
public sealed class ChatStreamClient(HttpClient http, StreamResumePolicy? resumePolicy = null, TimeProvider? clock = null)
{
    private readonly StreamResumer _resumer = new(http, resumePolicy ?? StreamResumePolicy.Default, clock ?? TimeProvider.System);

    public async IAsyncEnumerable<ChatStreamEvent> AskAsync(
        string question,
        string conversationId,
        bool withReasoning,
        UserIdentity identity,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await StartAsync(question, conversationId, withReasoning, identity, cancellationToken);
        await foreach (var streamEvent in ReadAsync(response, identity, cancellationToken))
        {
            yield return streamEvent;
        }
    }

    /// <summary>
    /// A run's whole stream from its first event (its <c>start</c> carries the question), e.g.
    /// after the page was reloaded mid-answer. Throws <see cref="ChatApiException"/> when the run
    /// is unknown, ended and expired, or another user's.
    /// </summary>
    public async IAsyncEnumerable<ChatStreamEvent> ResumeAsync(string runId, UserIdentity identity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await _resumer.ResumeAsync(runId, lastSequence: 0, identity, down: TimeSpan.Zero, cancellationToken);
        await foreach (var streamEvent in ReadAsync(response, identity, cancellationToken))
        {
            yield return streamEvent;
        }
    }

    private async IAsyncEnumerable<ChatStreamEvent> ReadAsync(HttpResponseMessage response, UserIdentity identity, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var events = new ResumableEventStream(response, _resumer, identity);
        while (await events.NextAsync(cancellationToken) is { } streamEvent)
        {
            yield return streamEvent;
        }
    }

    private async Task<HttpResponseMessage> StartAsync(string question, string conversationId, bool withReasoning, UserIdentity identity, CancellationToken cancellationToken)
    {
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream)
        {
            Content = JsonContent.Create(new QuestionRequest(question, conversationId)),
        });
        request.Headers.Add(StreamHeaders.Stream, "true");
        request.Headers.Add(StreamHeaders.Resumable, "true");
        // Always named: a request without a level gets the server's configured default.
        request.Headers.Add(StreamHeaders.Level, withReasoning ? "2" : "1");

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                throw await ChatApiException.FromResponseAsync(response, cancellationToken);
            }
        }
        return response;
    }
}
