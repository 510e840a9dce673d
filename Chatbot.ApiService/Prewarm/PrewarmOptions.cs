namespace Chatbot.ApiService.Prewarm;

/// <summary><c>Chatbot:Prewarm</c>.</summary>
public sealed class PrewarmOptions
{
    public const string Section = "Chatbot:Prewarm";

    /// <summary>Warm up in the background as the process starts, so no request finds it cold.</summary>
    public bool OnStartup { get; set; } = true;
}
