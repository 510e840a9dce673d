using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;
using Chatbot.Web.Identity;
using Polly;
using Polly.Retry;

namespace Chatbot.Web.Api;

/// <summary>
/// Reopens a run's broken stream: <c>GET ask_stream/{runId}</c> with <c>Last-Event-ID</c>, retrying
/// refused connections and 5xx with exponential backoff until the outage's budget is spent. Every
/// wait and the budget run on <see cref="Clock"/>.
/// </summary>
public sealed class StreamResumer(HttpClient http, StreamResumePolicy policy, TimeProvider clock)
{
    public const string NotResumableMessage = "The answer could not be resumed; please ask again.";
    public const string LostMessage = "The connection to the assistant was lost.";

    private readonly ResiliencePipeline<HttpResponseMessage> _retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome, args.Context.CancellationToken)),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            Delay = policy.FirstDelay,
            MaxDelay = policy.MaxDelay,
            MaxRetryAttempts = int.MaxValue,
        })
        .Build();

    public StreamResumePolicy Policy => policy;

    public TimeProvider Clock => clock;

    /// <summary>The resumed stream (200) once the API has it, having been down for <paramref name="down"/> already.</summary>
    /// <exception cref="ChatApiException">The run cannot be resumed, or the budget is spent.</exception>
    public async Task<HttpResponseMessage> ResumeAsync(string runId, long lastSequence, UserIdentity identity, TimeSpan down, CancellationToken cancellationToken)
    {
        var left = policy.Budget - down;
        if (left <= TimeSpan.Zero)
        {
            throw new ChatApiException(LostMessage);
        }
        using var budget = new CancellationTokenSource(left, clock);
        using var outage = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(
                async token => await SendAsync(runId, lastSequence, identity, token),
                outage.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChatApiException(LostMessage);
        }
        return await AcceptAsync(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(string runId, long lastSequence, UserIdentity identity, CancellationToken cancellationToken)
    {
        using var request = identity.Apply(new HttpRequestMessage(HttpMethod.Get, ChatbotRoutes.Run(runId)));
        request.Headers.Add(StreamHeaders.LastEventId, lastSequence.ToString(CultureInfo.InvariantCulture));
        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static async Task<HttpResponseMessage> AcceptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return response;
        }
        using (response)
        {
            throw response.StatusCode == HttpStatusCode.NoContent
                ? new ChatApiException(NotResumableMessage)
                : await ChatApiException.FromResponseAsync(response, cancellationToken);
        }
    }

    /// <summary>
    /// Refused, reset or timed-out connections and 5xx (a restarting or draining API) are worth
    /// another try. A connection reset while it opens can surface as a bare SocketException.
    /// </summary>
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome, CancellationToken outage) => outcome switch
    {
        { Exception: HttpRequestException or IOException or SocketException } => true,
        { Exception: OperationCanceledException } => !outage.IsCancellationRequested,
        { Result.StatusCode: >= HttpStatusCode.InternalServerError } => true,
        _ => false,
    };
}
