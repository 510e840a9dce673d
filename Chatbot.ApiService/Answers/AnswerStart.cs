using System.Threading.Channels;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// What asking came to: an answer under way (its events, each once it may be sent), or a refusal
/// before any work: the caller has too many answers open.
/// </summary>
public sealed record AnswerStart(AnswerStartStatus Status, ChannelReader<StreamEvent>? Events = null, ChatTurn? Turn = null, bool Resumable = false)
{
    public static AnswerStart TooMany { get; } = new(AnswerStartStatus.TooMany);
}

public enum AnswerStartStatus
{
    Started,
    TooMany,
}
