using Chatbot.Tests.Api.Support;

namespace Chatbot.Tests.Api;

/// <summary>The conversation endpoints on the embedded in-process store.</summary>
public sealed class InProcessConversationEndpointsTests : ConversationEndpointsContract
{
    protected override ApiFactory CreateFactory() => new();
}
