namespace Chatbot.ApiService.Answers;

/// <summary><c>Chatbot:Shutdown</c>: how long answers in flight may finish after SIGTERM.</summary>
public sealed class ShutdownOptions
{
    public const string Section = "Chatbot:Shutdown";

    /// <summary>Below the host's shutdown timeout, so every stream gets its error event before the socket closes.</summary>
    public TimeSpan DrainTime { get; set; } = TimeSpan.FromSeconds(20);
}
