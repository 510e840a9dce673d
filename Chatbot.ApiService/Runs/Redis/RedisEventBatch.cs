using System.Buffers;
using System.Text.Json;
using Chatbot.ApiService.Streaming;
using StackExchange.Redis;

namespace Chatbot.ApiService.Runs.Redis;

/// <summary>
/// A batch of events as one stream entry's fields: the sequence as the field name, the event's
/// JSON (without its sequence) as the value. Every value of a batch is a slice of one buffer,
/// so journaling a token allocates no array of its own.
/// </summary>
public static class RedisEventBatch
{
    /// <summary>Writes the batch's field/value pairs into <paramref name="arguments"/> from <paramref name="offset"/>.</summary>
    public static void WriteFields(IReadOnlyList<StreamEvent> events, RedisValue[] arguments, int offset)
    {
        var buffer = new ArrayBufferWriter<byte>(events.Count * 64);
        var ends = new int[events.Count];
        using (var json = new Utf8JsonWriter(buffer, StreamEventJson.WriterOptions))
        {
            for (var i = 0; i < events.Count; i++)
            {
                StreamEventJson.Write(json, events[i], withSequence: false);
                json.Flush();
                json.Reset();
                ends[i] = buffer.WrittenCount;
            }
        }
        var written = buffer.WrittenMemory;
        for (var i = 0; i < events.Count; i++)
        {
            var start = i == 0 ? 0 : ends[i - 1];
            arguments[offset + i * 2] = events[i].Sequence;
            arguments[offset + i * 2 + 1] = written[start..ends[i]];
        }
    }

    /// <summary>The events of the entries <see cref="RedisRunScripts.Read"/> returned, those after <paramref name="after"/> only.</summary>
    public static IEnumerable<StreamEvent> ReadEntries(RedisResult[] entries, long after)
    {
        foreach (var entry in entries)
        {
            var fields = (RedisResult[])((RedisResult[])entry!)[1]!;
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                var sequence = (long)fields[i];
                if (sequence > after)
                {
                    yield return StreamEventJson.FromStoredJson((byte[])fields[i + 1]!, sequence);
                }
            }
        }
    }
}
