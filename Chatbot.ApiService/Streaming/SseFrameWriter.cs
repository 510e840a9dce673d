using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace Chatbot.ApiService.Streaming;

/// <summary>
/// Writes stream events as Server-Sent Event frames: <c>id</c>, <c>event</c>, one <c>data:</c>
/// line of one-line JSON, and <c>retry</c> on the first frame; and heartbeat comments.
/// </summary>
/// <remarks>
/// Hand-written because <c>SseFormatter</c>/<c>TypedResults.ServerSentEvents</c> cannot write
/// comment lines (our heartbeats) and a <c>retry</c> field only when we choose. The JSON goes
/// straight into the response's pipe, so a token costs no intermediate strings.
/// </remarks>
public sealed class SseFrameWriter(PipeWriter output)
{
    public const int RetryMilliseconds = 3000;

    private static readonly byte[] IdField = "id: "u8.ToArray();
    private static readonly byte[] EventField = "\nevent: "u8.ToArray();
    private static readonly byte[] DataField = "\ndata: "u8.ToArray();
    private static readonly byte[] RetryField = "\nretry: 3000"u8.ToArray();
    private static readonly byte[] FrameEnd = "\n\n"u8.ToArray();
    private static readonly byte[] Heartbeat = ": ping\n\n"u8.ToArray();

    private readonly Utf8JsonWriter _json = new(output, StreamEventJson.WriterOptions with { SkipValidation = true });
    private bool _wroteFirstFrame;

    public ValueTask<FlushResult> WriteAsync(StreamEvent streamEvent, CancellationToken cancellationToken)
    {
        Write(streamEvent);
        return output.FlushAsync(cancellationToken);
    }

    public ValueTask<FlushResult> WriteHeartbeatAsync(CancellationToken cancellationToken)
    {
        output.Write(Heartbeat);
        return output.FlushAsync(cancellationToken);
    }

    /// <summary>Writes one frame into the pipe without flushing.</summary>
    public void Write(StreamEvent streamEvent)
    {
        output.Write(IdField);
        WriteNumber(streamEvent.Sequence);
        output.Write(EventField);
        WriteAscii(streamEvent.Type.ToWireName());
        if (!_wroteFirstFrame)
        {
            output.Write(RetryField);
            _wroteFirstFrame = true;
        }
        output.Write(DataField);
        _json.Reset(output);
        StreamEventJson.Write(_json, streamEvent);
        _json.Flush();
        output.Write(FrameEnd);
    }

    private void WriteNumber(long value)
    {
        var span = output.GetSpan(20);
        value.TryFormat(span, out var written);
        output.Advance(written);
    }

    private void WriteAscii(string value)
    {
        var span = output.GetSpan(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            span[i] = (byte)value[i];
        }
        output.Advance(value.Length);
    }
}
