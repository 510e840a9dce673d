using System.IO.Pipelines;
using System.Threading.Channels;
using Chatbot.ApiService.Endpoints;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Chatbot.Tests.Streaming;

/// <summary>When the response of a stream starts, and with it the run id the client may resume by.</summary>
public sealed class SseStreamResultTests
{
    [Fact]
    public async Task A_resumable_runs_response_starts_only_with_its_first_stored_event()
    {
        var (context, body) = Response();
        var events = Channel.CreateUnbounded<StreamEvent>();

        var writing = new SseStreamResult(events.Reader, TimeSpan.FromMinutes(1), "run-1", "c-1") { Resumable = true }.ExecuteAsync(context);

        Assert.False(body.Started); // the journal has stored nothing yet
        events.Writer.TryWrite(StreamEvent.Started("c-1", "run-1", "What is CAPEX?"));
        events.Writer.TryWrite(StreamEvent.Completed(new RunStatistics(0, 0, 0, 0)));
        await writing;
        Assert.True(body.Started);
        Assert.Equal("run-1", context.Response.Headers[StreamHeaders.RunId]);
    }

    [Fact]
    public void An_ordinary_streams_response_starts_at_once()
    {
        var (context, body) = Response();
        var events = Channel.CreateUnbounded<StreamEvent>();

        _ = new SseStreamResult(events.Reader, TimeSpan.FromMinutes(1), "run-2", "c-2").ExecuteAsync(context);

        Assert.True(body.Started);
        events.Writer.TryWrite(StreamEvent.Completed(new RunStatistics(0, 0, 0, 0)));
    }

    private static (DefaultHttpContext Context, RecordingBody Body) Response()
    {
        var context = new DefaultHttpContext();
        var body = new RecordingBody();
        context.Features.Set<IHttpResponseBodyFeature>(body);
        return (context, body);
    }

    /// <summary>A response body that records whether the response was started (headers sent).</summary>
    private sealed class RecordingBody : IHttpResponseBodyFeature
    {
        private readonly Pipe _pipe = new();

        public bool Started { get; private set; }

        public Stream Stream => _pipe.Writer.AsStream();

        public PipeWriter Writer => _pipe.Writer;

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task CompleteAsync() => Task.CompletedTask;
    }
}
