using StackExchange.Redis;

namespace Chatbot.ApiService.Runs.Redis;

/// <summary>
/// Where resumable runs live in Redis. Every key's hash tag is the run's group
/// (<see cref="RunGroup"/>, its owner's), so a run's keys and its owner's open answers share one
/// slot and each script also works on a Redis Cluster.
/// <code>
/// chatbot:run:{group}:id            hash: conversation, owner, state, started, ended (unix ms), last (sequence), cancel (0/1)
/// chatbot:run:{group}:id:events     stream, an entry per append: id 0-&lt;first sequence&gt;, field e: its events' JSON lines; capped
/// chatbot:run:{group}:id:alive      the producer's lease (expires unless renewed)
/// chatbot:run:{group}:id:appended   channel: published on every append, so followers need not poll
/// chatbot:open-answers:{group}:owner   sorted set: the owner's running run ids, scored by when their lease lapses (unix ms)
/// chatbot:runs:cancel               channel: run ids asked to stop, heard by every replica
/// </code>
/// </summary>
public static class RedisRunKeys
{
    public static readonly RedisChannel CancelChannel = RedisChannel.Literal("chatbot:runs:cancel");

    public static RedisKey Record(string runId) => RunPrefix(runId);

    public static RedisKey Events(string runId) => $"{RunPrefix(runId)}:events";

    public static RedisKey Alive(string runId) => $"{RunPrefix(runId)}:alive";

    public static string AppendedChannelName(string runId) => $"{RunPrefix(runId)}:appended";

    public static RedisChannel AppendedChannel(string runId) => RedisChannel.Literal(AppendedChannelName(runId));

    /// <summary>The owner escaped as memory's keys escape it.</summary>
    public static RedisKey OpenAnswers(string owner) => $"chatbot:open-answers:{{{RunGroup.Of(owner)}}}:{Uri.EscapeDataString(owner)}";

    public static RedisValue EntryId(long sequence) => $"0-{sequence}";

    public static long SequenceOf(RedisValue entryId)
    {
        var id = entryId.ToString();
        return long.Parse(id.AsSpan(id.IndexOf('-') + 1));
    }

    private static string RunPrefix(string runId) => $"chatbot:run:{{{RunGroup.OfRun(runId)}}}:{runId}";
}
