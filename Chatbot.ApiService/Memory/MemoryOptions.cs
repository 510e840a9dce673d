namespace Chatbot.ApiService.Memory;

/// <summary><c>Chatbot:Memory</c>.</summary>
public sealed class MemoryOptions
{
    public const string Section = "Chatbot:Memory";

    /// <summary>Sliding expiry of a conversation in the hot store (the seed's REDIS_TTL).</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Turns kept hot per conversation; older ones are left to the archive.</summary>
    public int MaxHotTurns { get; set; } = 50;

    /// <summary>Characters of history handed to the agent with each question.</summary>
    public int HistoryCharacterBudget { get; set; } = 12_000;
}
