using System.ComponentModel.DataAnnotations;

namespace Chatbot.ApiService.Memory;

/// <summary><c>Chatbot:Memory</c>: the hot store's limits and the archive's settings.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Chatbot:Memory";

    private const string Forever = "10675199.02:48:05.4775807";

    /// <summary>Sliding expiry of a conversation in the hot store (the seed's REDIS_TTL).</summary>
    [Range(typeof(TimeSpan), "00:00:00", Forever, MinimumIsExclusive = true, ErrorMessage = Section + ":Ttl must be positive.")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Turns kept hot per conversation; older ones are left to the archive.</summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":MaxHotTurns must be at least 1.")]
    public int MaxHotTurns { get; set; } = 50;

    /// <summary>Characters of history handed to the agent with each question.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Section + ":HistoryCharacterBudget must not be negative.")]
    public int HistoryCharacterBudget { get; set; } = 12_000;

    /// <summary>Archive database when the MongoDB connection string names none.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = Section + ":Database must not be empty.")]
    public string Database { get; set; } = "chatbot";

    /// <summary>Archive collection of turn documents (the seed's CHATBOT_MEMORY_COLLECTION).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = Section + ":Collection must not be empty.")]
    public string Collection { get; set; } = "conversations";

    /// <summary>Days an archived turn is kept; null keeps it until its conversation is deleted.</summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":RetentionDays must be at least 1 (unset keeps turns until deleted).")]
    public int? RetentionDays { get; set; }

    /// <summary>Archive writes waiting for MongoDB; when full, a write is dropped and counted.</summary>
    [Range(1, int.MaxValue, ErrorMessage = Section + ":ArchiveQueueCapacity must be at least 1.")]
    public int ArchiveQueueCapacity { get; set; } = 10_000;

    /// <summary>Retries of one archive write before it is counted as failed.</summary>
    [Range(0, int.MaxValue, ErrorMessage = Section + ":ArchiveMaxRetries must not be negative.")]
    public int ArchiveMaxRetries { get; set; } = 6;

    /// <summary>First retry delay; it doubles (with jitter) on each retry.</summary>
    [Range(typeof(TimeSpan), "00:00:00", Forever, ErrorMessage = Section + ":ArchiveRetryDelay must not be negative.")]
    public TimeSpan ArchiveRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a chat waits for the archive on a hot-store miss before it goes on without it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", Forever, MinimumIsExclusive = true, ErrorMessage = Section + ":ArchiveReadTimeout must be positive.")]
    public TimeSpan ArchiveReadTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often what was answered during a Redis outage is offered to Redis again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", Forever, MinimumIsExclusive = true, ErrorMessage = Section + ":WriteBackInterval must be positive.")]
    public TimeSpan WriteBackInterval { get; set; } = TimeSpan.FromSeconds(1);
}
