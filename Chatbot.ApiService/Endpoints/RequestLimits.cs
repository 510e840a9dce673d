namespace Chatbot.ApiService.Endpoints;

/// <summary><c>Chatbot:Limits</c>: what a question may be, checked before any work.</summary>
public sealed class RequestLimits
{
    public const string Section = "Chatbot:Limits";

    public int MaxQuestionLength { get; set; } = 8_000;

    public int MaxBodyBytes { get; set; } = 64 * 1024;

    public int MaxConversationIdLength { get; set; } = 128;
}
