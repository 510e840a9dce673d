using System.Threading.Channels;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Answers;

/// <summary>How starting a resumable run went: its live events, not journaled, or refused for too many running.</summary>
public sealed record ResumableStart(ChannelReader<StreamEvent>? Live, bool Refused)
{
    public static ResumableStart NotJournaled { get; } = new(null, Refused: false);

    public static ResumableStart TooMany { get; } = new(null, Refused: true);
}
