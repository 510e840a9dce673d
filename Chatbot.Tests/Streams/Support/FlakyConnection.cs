using System.Collections.Concurrent;
using Chatbot.Contracts.Streaming;
using Chatbot.Tests.Support;

namespace Chatbot.Tests.Streams.Support;

/// <summary>One request the client sent: its method, path and <c>Last-Event-ID</c>.</summary>
public sealed record SentStreamRequest(HttpMethod Method, string Path, string? LastEventId);

/// <summary>
/// The network between a client and the real API, made to fail on cue: <see cref="Cut"/> resets
/// the connection being read (its next read throws, as a reset socket does), and
/// <see cref="RefuseResumes"/> refuses every resume's connection. Everything sent is recorded.
/// </summary>
public sealed class FlakyConnection : DelegatingHandler
{
    private CuttableStream? _reading;

    public ConcurrentQueue<SentStreamRequest> Sent { get; } = new();

    public IEnumerable<SentStreamRequest> Resumes => Sent.Where(request => request.Method == HttpMethod.Get);

    public bool RefuseResumes { get; set; }

    /// <summary>Resets the connection whose body is being read.</summary>
    public void Cut() => Volatile.Read(ref _reading)?.Cut();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Sent.Enqueue(new SentStreamRequest(request.Method, request.RequestUri!.AbsolutePath,
            request.Headers.TryGetValues(StreamHeaders.LastEventId, out var last) ? last.Single() : null));
        if (RefuseResumes && request.Method == HttpMethod.Get)
        {
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (test).");
        }
        var response = await base.SendAsync(request, cancellationToken);
        var body = new CuttableStream(await response.Content.ReadAsStreamAsync(cancellationToken));
        var content = new StreamContent(body);
        foreach (var (name, values) in response.Content.Headers)
        {
            content.Headers.TryAddWithoutValidation(name, values);
        }
        response.Content = content;
        Volatile.Write(ref _reading, body);
        return response;
    }

    private sealed class CuttableStream(Stream inner) : ReadOnlyBodyStream
    {
        private volatile bool _cut;

        public void Cut() => _cut = true;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _cut ? ValueTask.FromException<int>(new IOException("Connection reset by peer (test).")) : inner.ReadAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
