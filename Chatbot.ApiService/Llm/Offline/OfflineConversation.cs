using Microsoft.Extensions.AI;

namespace Chatbot.ApiService.Llm.Offline;

/// <summary>What the offline model reads from the messages it is given.</summary>
public sealed record OfflineConversation(
    string Question,
    string? PreviousQuestion,
    IReadOnlyList<FunctionResultContent> ToolResults,
    IReadOnlyDictionary<string, string> ToolNamesByCallId,
    int Characters)
{
    public static OfflineConversation Read(IEnumerable<ChatMessage> messages)
    {
        var list = messages as IList<ChatMessage> ?? messages.ToList();
        var lastUser = -1;
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Role == ChatRole.User)
            {
                lastUser = i;
                break;
            }
        }
        var previousUser = list.Take(Math.Max(lastUser, 0)).LastOrDefault(message => message.Role == ChatRole.User);
        var sinceQuestion = list.Skip(lastUser + 1).SelectMany(message => message.Contents).ToArray();
        return new OfflineConversation(
            Question: lastUser >= 0 ? list[lastUser].Text : "",
            PreviousQuestion: previousUser?.Text,
            ToolResults: sinceQuestion.OfType<FunctionResultContent>().ToArray(),
            ToolNamesByCallId: sinceQuestion.OfType<FunctionCallContent>().ToDictionary(call => call.CallId, call => call.Name),
            Characters: list.Sum(message => message.Text.Length));
    }

    public bool HasToolResults => ToolResults.Count > 0;
}
