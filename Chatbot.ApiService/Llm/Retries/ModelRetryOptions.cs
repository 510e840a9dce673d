namespace Chatbot.ApiService.Llm.Retries;

/// <summary><c>Chatbot:Llm:Retry</c>: the one retry layer for a model call the provider throttled.</summary>
public sealed class ModelRetryOptions
{
    /// <summary>HTTP attempts per model call in all, the first included. The SDKs retry nothing themselves.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff when the provider names no <c>Retry-After</c>; it doubles per attempt, with jitter.</summary>
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait before a retry, whatever <c>Retry-After</c> asks for.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);
}
