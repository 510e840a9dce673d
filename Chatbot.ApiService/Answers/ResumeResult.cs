using System.Threading.Channels;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Answers;

/// <summary>What a resume came to: the run's events from the client's position on, or why not (with the run, when one was found).</summary>
public sealed record ResumeResult(ResumeStatus Status, RunRecord? Run = null, ChannelReader<StreamEvent>? Events = null);

public enum ResumeStatus
{
    /// <summary>Replay, then live until the run's terminal event.</summary>
    Resumed,

    /// <summary>No such run: never resumable, expired, or the id is wrong.</summary>
    Unknown,

    /// <summary>Another owner's run (not revealed as such).</summary>
    NotOwner,

    /// <summary>The client claims events the run never sent.</summary>
    BeyondEnd,

    /// <summary>The run ended and the client has its last event.</summary>
    ReadToEnd,

    /// <summary>The events the client lacks are no longer kept.</summary>
    Trimmed,
}
