using System.Buffers;
using System.Text.Json;
using Chatbot.ApiService.Streaming;
using StackExchange.Redis;

namespace Chatbot.ApiService.Runs.Redis;

/// <summary>
/// A batch of consecutive events as one stream entry: its id is the first event's sequence, its
/// one field holds the events' JSON (without their sequences), one line each. One value per
/// append, not one per event: Redis copies a script's every argument, so fewer, larger ones cost
/// it less, and the API writes every event of a batch into one buffer.
/// </summary>
public static class RedisEventBatch
{
    public const string Field = "e";

    private const byte Separator = (byte)'\n';

    /// <summary>The events' JSON lines; one-line JSON escapes every newline inside a value.</summary>
    public static ReadOnlyMemory<byte> Encode(IReadOnlyList<StreamEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 64);
        using var json = new Utf8JsonWriter(buffer, StreamEventJson.WriterOptions);
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0)
            {
                buffer.Write([Separator]);
            }
            StreamEventJson.Write(json, events[i], withSequence: false);
            json.Flush();
            json.Reset();
        }
        return buffer.WrittenMemory;
    }

    /// <summary>The events of the entries <see cref="RedisRunScripts.Read"/> returned, those after <paramref name="after"/> only.</summary>
    public static IEnumerable<StreamEvent> ReadEntries(RedisResult[] entries, long after)
    {
        foreach (var entry in entries)
        {
            var parts = (RedisResult[])entry!;
            var sequence = RedisRunKeys.SequenceOf((RedisValue)parts[0]);
            var fields = (RedisResult[])parts[1]!;
            foreach (var line in Lines((byte[])fields[1]!))
            {
                if (sequence > after)
                {
                    yield return StreamEventJson.FromStoredJson(line.Span, sequence);
                }
                sequence++;
            }
        }
    }

    private static IEnumerable<ReadOnlyMemory<byte>> Lines(byte[] batch)
    {
        var start = 0;
        while (start <= batch.Length)
        {
            var end = Array.IndexOf(batch, Separator, start);
            if (end < 0)
            {
                end = batch.Length;
            }
            yield return batch.AsMemory(start, end - start);
            start = end + 1;
        }
    }
}
