using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;
using Chatbot.ApiService.Streaming;

namespace Chatbot.Benchmarks.Micro;

/// <summary>
/// Writing token events as SSE frames with <see cref="SseFrameWriter"/> into a pipe (as into
/// Kestrel's response pipe), with and without a flush per frame. Per frame.
/// </summary>
public class SseFrameBenchmarks
{
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
    private SseFrameWriter _writer = null!;
    private StreamEvent[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        _events = SampleAnswer.TokenEvents();
        _writer = new SseFrameWriter(_pipe.Writer);
        _writer.Write(StreamEvent.Started("conversation", "run", "What is CAPEX?"));
        Drain();
    }

    [Benchmark(OperationsPerInvoke = SampleAnswer.Tokens)]
    public async Task WriteTokenFrame()
    {
        foreach (var streamEvent in _events)
        {
            _writer.Write(streamEvent);
        }
        await _pipe.Writer.FlushAsync();
        Drain();
    }

    [Benchmark(OperationsPerInvoke = SampleAnswer.Tokens)]
    public async Task WriteTokenFrameAndFlush()
    {
        foreach (var streamEvent in _events)
        {
            await _writer.WriteAsync(streamEvent, CancellationToken.None);
            Drain();
        }
    }

    private void Drain()
    {
        if (_pipe.Reader.TryRead(out var read))
        {
            _pipe.Reader.AdvanceTo(read.Buffer.End);
        }
    }
}
