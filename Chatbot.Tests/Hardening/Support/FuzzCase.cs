namespace Chatbot.Tests.Hardening.Support;

/// <summary>One body to throw at <c>/ask_stream</c>, and the conversation id it was built around.</summary>
public sealed record FuzzCase(string Name, byte[] Body, string ConversationId)
{
    public override string ToString() => $"{Name} ({Body.Length} bytes)";
}
