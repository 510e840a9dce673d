using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Memory;

/// <summary>Turns the stored turns into the messages the agent reads, newest kept within a character budget.</summary>
public static class ConversationHistory
{
    public static List<ChatMessage> ToMessages(IReadOnlyList<ConversationTurn> turns, int characterBudget, string question)
    {
        var kept = new List<ChatMessage>();
        var remaining = characterBudget - question.Length;
        for (var i = turns.Count - 1; i >= 0 && remaining > 0; i--)
        {
            var turn = turns[i];
            if (turn.Content.Length > remaining)
            {
                break;
            }
            remaining -= turn.Content.Length;
            kept.Add(new ChatMessage(turn.Role == ConversationTurn.User ? ChatRole.User : ChatRole.Assistant, turn.Content));
        }
        kept.Reverse();
        kept.Add(new ChatMessage(ChatRole.User, question));
        return kept;
    }
}
