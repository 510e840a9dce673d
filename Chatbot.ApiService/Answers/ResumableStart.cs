using System.Threading.Channels;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// How starting a resumable run went: its live events (<see cref="Journaled"/> when the client may
/// resume it), or refused for too many running.
/// </summary>
public sealed record ResumableStart(ChannelReader<StreamEvent>? Live, bool Journaled)
{
    public static ResumableStart TooMany { get; } = new(null, Journaled: false);

    public bool Refused => Live is null;
}
