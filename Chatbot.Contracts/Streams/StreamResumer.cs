using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Contracts.Streams;

/// <summary>
/// Reopens a run's broken stream: <c>GET ask_stream/{runId}</c> with <c>Last-Event-ID</c>, retrying
/// refused connections and 5xx with doubling waits until the outage's budget is spent. Every wait
/// and the budget run on <see cref="Clock"/>.
/// </summary>
internal sealed class StreamResumer(HttpClient http, ResumePolicy policy, TimeProvider clock)
{
    public ResumePolicy Policy => policy;

    public TimeProvider Clock => clock;

    /// <summary>The resumed stream (200) once the API has it, having been down for <paramref name="down"/> already.</summary>
    /// <exception cref="ChatStreamException">The run cannot be resumed, or the budget is spent.</exception>
    public async Task<HttpResponseMessage> ResumeAsync(string runId, long after, StreamCallOptions call, TimeSpan down, CancellationToken cancellationToken)
    {
        var left = policy.Budget - down;
        if (left <= TimeSpan.Zero)
        {
            throw ChatStreamException.Lost();
        }
        using var budget = new CancellationTokenSource(left, clock);
        using var outage = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        HttpResponseMessage response;
        try
        {
            response = await RetryAsync(runId, after, call, outage.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw ChatStreamException.Lost();
        }
        return await AcceptAsync(response, call, cancellationToken);
    }

    private async Task<HttpResponseMessage> RetryAsync(string runId, long after, StreamCallOptions call, CancellationToken outage)
    {
        for (var delay = policy.FirstDelay; ; delay = Min(delay * 2, policy.MaxDelay))
        {
            if (await TrySendAsync(runId, after, call, outage) is { } response)
            {
                return response;
            }
            await Task.Delay(delay, clock, outage);
        }
    }

    /// <summary>The API's answer, or null when the attempt is worth repeating.</summary>
    private async Task<HttpResponseMessage?> TrySendAsync(string runId, long after, StreamCallOptions call, CancellationToken outage)
    {
        call.Observer?.Resuming(runId, after);
        try
        {
            using var request = call.Prepared(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Run(runId)));
            request.Headers.Add(StreamHeaders.LastEventId, after.ToString(CultureInfo.InvariantCulture));
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, outage);
            if (response.StatusCode < HttpStatusCode.InternalServerError)
            {
                return response;
            }
            call.Observer?.ResumeFailed(null, response.StatusCode);
            response.Dispose();
            return null;
        }
        catch (Exception exception) when (IsTransient(exception, outage))
        {
            call.Observer?.ResumeFailed(exception, null);
            return null;
        }
    }

    private static async Task<HttpResponseMessage> AcceptAsync(HttpResponseMessage response, StreamCallOptions call, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            call.Observer?.Opened(response);
            return response;
        }
        using (response)
        {
            throw response.StatusCode == HttpStatusCode.NoContent
                ? ChatStreamException.NotResumable()
                : await ChatStreamException.RefusedAsync(response, cancellationToken);
        }
    }

    /// <summary>
    /// Refused, reset or timed-out connections (a restarting or draining API) are worth another
    /// try. A connection reset while it opens can surface as a bare SocketException.
    /// </summary>
    private static bool IsTransient(Exception exception, CancellationToken outage) => exception switch
    {
        HttpRequestException or IOException or SocketException => true,
        OperationCanceledException => !outage.IsCancellationRequested,
        _ => false,
    };

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
