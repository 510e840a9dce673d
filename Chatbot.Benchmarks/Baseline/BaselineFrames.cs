using System.Buffers;
using System.Text;
using System.Text.Json;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Benchmarks.Baseline;

/// <summary>
/// The token frames the API sent for the benchmark question, byte for byte (same id, event and
/// data lines, JSON from the API's own <see cref="StreamEventJson"/>), rendered once up front.
/// </summary>
public static class BaselineFrames
{
    /// <summary>The API's stream starts with <c>start</c> as event 1, so the first token is event 2.</summary>
    public const long FirstTokenSequence = 2;

    public static byte[][] Render(IReadOnlyList<string> tokens) =>
        tokens.Select((content, index) => Render(StreamEvent.Token(content) with { Sequence = FirstTokenSequence + index })).ToArray();

    private static byte[] Render(StreamEvent token)
    {
        var buffer = new ArrayBufferWriter<byte>();
        buffer.Write(Encoding.UTF8.GetBytes($"id: {token.Sequence}\nevent: {StreamEventTypes.Token}\ndata: "));
        using (var json = new Utf8JsonWriter(buffer, StreamEventJson.WriterOptions))
        {
            StreamEventJson.Write(json, token);
        }
        buffer.Write("\n\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
