using System.Threading.Channels;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// How starting a resumable run went: its live events (<see cref="Journaled"/> when the client may
/// resume it), or refused for too many running.
/// </summary>
public sealed record ResumableStart(ChannelReader<StreamEvent>? Live, bool Journaled)
{
    /// <summary>Refused: no live events, nothing started.</summary>
    public static ResumableStart TooMany { get; } = new(null, Journaled: false);
}
