namespace Chatbot.Web.Chat;

/// <summary>What the header's readiness indicator shows.</summary>
public enum Readiness
{
    Warming,
    Ready,
    Unavailable,
}
