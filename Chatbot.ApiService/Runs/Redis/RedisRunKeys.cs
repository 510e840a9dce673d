using StackExchange.Redis;

namespace Chatbot.ApiService.Runs.Redis;

/// <summary>
/// Where a resumable run lives in Redis. The run id is a hash tag (<c>{id}</c>), so a run's keys
/// share one slot and its scripts also work on a Redis Cluster.
/// <code>
/// chatbot:run:{id}            hash: conversation, owner, state, started, ended (unix ms), last (sequence), cancel (0/1)
/// chatbot:run:{id}:events     stream, an entry per append: id 0-&lt;first sequence&gt;, field e: its events' JSON lines; capped
/// chatbot:run:{id}:alive      the producer's lease (expires unless renewed)
/// chatbot:run:{id}:appended   channel: published on every append, so followers need not poll
/// chatbot:runs:cancel         channel: run ids asked to stop, heard by every replica
/// </code>
/// </summary>
public static class RedisRunKeys
{
    public static readonly RedisChannel CancelChannel = RedisChannel.Literal("chatbot:runs:cancel");

    public static RedisKey Record(string runId) => $"chatbot:run:{{{runId}}}";

    public static RedisKey Events(string runId) => $"chatbot:run:{{{runId}}}:events";

    public static RedisKey Alive(string runId) => $"chatbot:run:{{{runId}}}:alive";

    public static string AppendedChannelName(string runId) => $"chatbot:run:{{{runId}}}:appended";

    public static RedisChannel AppendedChannel(string runId) => RedisChannel.Literal(AppendedChannelName(runId));

    public static RedisValue EntryId(long sequence) => $"0-{sequence}";

    public static long SequenceOf(RedisValue entryId)
    {
        var id = entryId.ToString();
        return long.Parse(id.AsSpan(id.IndexOf('-') + 1));
    }
}
