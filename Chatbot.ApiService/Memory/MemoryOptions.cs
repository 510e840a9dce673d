namespace Chatbot.ApiService.Memory;

/// <summary><c>Chatbot:Memory</c>: the hot store's limits and the archive's settings.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Chatbot:Memory";

    /// <summary>Sliding expiry of a conversation in the hot store (the seed's REDIS_TTL).</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Turns kept hot per conversation; older ones are left to the archive.</summary>
    public int MaxHotTurns { get; set; } = 50;

    /// <summary>Characters of history handed to the agent with each question.</summary>
    public int HistoryCharacterBudget { get; set; } = 12_000;

    /// <summary>Archive database when the MongoDB connection string names none.</summary>
    public string Database { get; set; } = "chatbot";

    /// <summary>Archive collection of turn documents (the seed's CHATBOT_MEMORY_COLLECTION).</summary>
    public string Collection { get; set; } = "conversations";

    /// <summary>Days an archived turn is kept; null keeps it until its conversation is deleted.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>Archive writes waiting for MongoDB; when full, a write is dropped and counted.</summary>
    public int ArchiveQueueCapacity { get; set; } = 10_000;

    /// <summary>Retries of one archive write before it is counted as failed.</summary>
    public int ArchiveMaxRetries { get; set; } = 6;

    /// <summary>First retry delay; it doubles (with jitter) on each retry.</summary>
    public TimeSpan ArchiveRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a chat waits for the archive on a hot-store miss before it goes on without it.</summary>
    public TimeSpan ArchiveReadTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often what was answered during a Redis outage is offered to Redis again.</summary>
    public TimeSpan WriteBackInterval { get; set; } = TimeSpan.FromSeconds(1);
}
