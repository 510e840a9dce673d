using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Chatbot.Tests.Web.Support;

/// <summary>One request the front end sent, with its headers.</summary>
public sealed record SentRequest(HttpMethod Method, string Path, IReadOnlyDictionary<string, string> Headers, string? Body = null)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>
/// The API as the front end sees it, scripted: each <c>ask_stream</c> request (the question and
/// every resume) takes the next scripted reply; the short calls (prewarm, conversations, cancel)
/// get fixed answers. Everything sent is recorded.
/// </summary>
public sealed class ScriptedApi : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _streamReplies = new();
    private int _cancelsEnded;

    public ConcurrentQueue<SentRequest> Sent { get; } = new();

    public IEnumerable<SentRequest> StreamRequests => Sent.Where(request => IsStream(request.Path));

    public HttpStatusCode CancelStatus { get; set; } = HttpStatusCode.Accepted;

    /// <summary>What the feedback endpoint answers: on success a vote is echoed back (and a clear is 204).</summary>
    public HttpStatusCode FeedbackStatus { get; set; } = HttpStatusCode.OK;

    /// <summary>When set, the cancel endpoint never answers: the client can only give up on it.</summary>
    public bool HoldsCancels { get; set; }

    /// <summary>Cancel requests that ended: answered, or given up by the client.</summary>
    public int CancelsEnded => Volatile.Read(ref _cancelsEnded);

    public HttpClient CreateClient() => new(this) { BaseAddress = new Uri("http://api.test") };

    public ScriptedApi Then(Func<HttpResponseMessage> reply) => Then(_ => Task.FromResult(reply()));

    public ScriptedApi Then(Func<CancellationToken, Task<HttpResponseMessage>> reply)
    {
        _streamReplies.Enqueue(reply);
        return this;
    }

    public ScriptedApi ThenRefuse() => ThenThrow(new HttpRequestException("Connection refused (scripted)."));

    public ScriptedApi ThenThrow(Exception exception) => Then(_ => Task.FromException<HttpResponseMessage>(exception));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var path = request.RequestUri!.PathAndQuery;
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Sent.Enqueue(new SentRequest(request.Method, path, request.Headers.ToDictionary(header => header.Key.ToLowerInvariant(), header => string.Join(",", header.Value)), body));
        if (path.EndsWith("/cancel", StringComparison.Ordinal))
        {
            return await CancelAsync(cancellationToken);
        }
        if (path.EndsWith("/feedback", StringComparison.Ordinal))
        {
            return Feedback(request.Method, body);
        }
        if (IsStream(path))
        {
            return _streamReplies.TryDequeue(out var reply)
                ? await reply(cancellationToken)
                : throw new InvalidOperationException($"No scripted reply left for {request.Method} {path}.");
        }
        return path switch
        {
            _ when path.Contains("/prewarm", StringComparison.Ordinal) => new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(new { status = "ready", provider = "offline", offline = true }) },
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private async Task<HttpResponseMessage> CancelAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (HoldsCancels)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return new HttpResponseMessage(CancelStatus);
        }
        finally
        {
            Interlocked.Increment(ref _cancelsEnded);
        }
    }

    private HttpResponseMessage Feedback(HttpMethod method, string? body) => (FeedbackStatus, method) switch
    {
        (HttpStatusCode.OK, { Method: "DELETE" }) => new HttpResponseMessage(HttpStatusCode.NoContent),
        (HttpStatusCode.OK, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body!, System.Text.Encoding.UTF8, "application/json") },
        _ => new HttpResponseMessage(FeedbackStatus),
    };

    private static bool IsStream(string path) => path.Contains("/ask_stream", StringComparison.Ordinal) && !path.EndsWith("/cancel", StringComparison.Ordinal);
}
