using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Agents;

/// <summary>One question to answer: what, in which conversation, for whom.</summary>
public sealed record ChatTurn(string Question, string ConversationId, AltecoContext Identity)
{
    public string RunId { get; } = Guid.NewGuid().ToString("N");
}
