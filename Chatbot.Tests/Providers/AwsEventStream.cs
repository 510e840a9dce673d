using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chatbot.Tests.Providers;

/// <summary>
/// Encodes messages of the AWS event-stream framing (<c>application/vnd.amazon.eventstream</c>)
/// that Bedrock's invoke-with-response-stream and converse-stream answer with. Big-endian throughout:
/// <c>[total length][headers length][CRC32 of those 8 bytes][headers][payload][CRC32 of all before]</c>;
/// each header is <c>[name length u8][name][type u8, 7 = string][value length u16][value]</c>.
/// </summary>
public static class AwsEventStream
{
    public const string ContentType = "application/vnd.amazon.eventstream";

    private const byte StringHeader = 7;
    private const int PreludeLength = 12;
    private const int ChecksumLength = 4;

    /// <summary>
    /// A Bedrock <c>chunk</c> event carrying one Anthropic streaming event, wrapped as Bedrock
    /// does: <c>{"bytes": base64(event json)}</c>.
    /// </summary>
    public static byte[] Chunk(string anthropicEventJson)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new { bytes = Convert.ToBase64String(Encoding.UTF8.GetBytes(anthropicEventJson)) });
        return Message(
            [(":event-type", "chunk"), (":content-type", "application/json"), (":message-type", "event")],
            payload);
    }

    /// <summary>
    /// A ConverseStream event: its members as the JSON payload, with the <c>p</c> padding field
    /// Bedrock adds to hide the length of what it streams.
    /// </summary>
    public static byte[] Event(string eventType, JsonObject payload)
    {
        payload["p"] = "abcdefghijklmnop"[..(1 + eventType.Length % 16)];
        return Message(
            [(":event-type", eventType), (":content-type", "application/json"), (":message-type", "event")],
            Encoding.UTF8.GetBytes(payload.ToJsonString()));
    }

    /// <summary>An exception inside the stream, e.g. <c>throttlingException</c> or <c>modelStreamErrorException</c>.</summary>
    public static byte[] Exception(string exceptionType, string message) => Message(
        [(":exception-type", exceptionType), (":content-type", "application/json"), (":message-type", "exception")],
        JsonSerializer.SerializeToUtf8Bytes(new { message }));

    public static byte[] Message(IReadOnlyList<(string Name, string Value)> headers, ReadOnlySpan<byte> payload)
    {
        var headerBytes = new MemoryStream();
        Span<byte> length = stackalloc byte[2];
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var valueBytes = Encoding.UTF8.GetBytes(value);
            headerBytes.WriteByte(checked((byte)nameBytes.Length));
            headerBytes.Write(nameBytes);
            headerBytes.WriteByte(StringHeader);
            BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)valueBytes.Length));
            headerBytes.Write(length);
            headerBytes.Write(valueBytes);
        }

        var headersLength = (int)headerBytes.Length;
        var message = new byte[PreludeLength + headersLength + payload.Length + ChecksumLength];
        var span = message.AsSpan();
        BinaryPrimitives.WriteUInt32BigEndian(span[0..4], (uint)message.Length);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..8], (uint)headersLength);
        BinaryPrimitives.WriteUInt32BigEndian(span[8..12], Crc32.HashToUInt32(span[0..8]));
        headerBytes.GetBuffer().AsSpan(0, headersLength).CopyTo(span[PreludeLength..]);
        payload.CopyTo(span[(PreludeLength + headersLength)..]);
        var checksumAt = message.Length - ChecksumLength;
        BinaryPrimitives.WriteUInt32BigEndian(span[checksumAt..], Crc32.HashToUInt32(span[..checksumAt]));
        return message;
    }
}
