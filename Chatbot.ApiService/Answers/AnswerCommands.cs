using System.Threading.Channels;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Answers;

// The commands an endpoint hands the AnswerCoordinator and the results it gets back: small
// records read together, so they live together.

/// <summary>
/// One question, as an endpoint hands it over: what, in which conversation (a new one when null),
/// for whom, which events to stream, and whether the client asked to be able to resume.
/// </summary>
public sealed record AskCommand(string Question, string? ConversationId, AltecoContext Caller, StreamEventSelection Events, bool Resumable);

/// <summary>One question to answer: what, in which conversation, for whom.</summary>
public sealed record ChatTurn(string Question, string ConversationId, AltecoContext Identity)
{
    public string RunId { get; } = RunGroup.NewRunId(Identity.Owner);

    /// <summary>
    /// The ids of the turns it stores, given at birth: every store (hot, archive, the write-back
    /// after an outage) tells a repeated write from a new turn, and a partial answer kept after a
    /// write whose reply was lost replaces nothing twice.
    /// </summary>
    public string QuestionTurnId { get; } = Guid.CreateVersion7().ToString("N");

    public string AnswerTurnId { get; } = Guid.CreateVersion7().ToString("N");
}

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

/// <summary>
/// How starting a resumable run went: its live events (<see cref="Journaled"/> when the client may
/// resume it), or refused for too many running.
/// </summary>
public sealed record ResumableStart(ChannelReader<StreamEvent>? Live, bool Journaled)
{
    /// <summary>Refused: no live events, nothing started.</summary>
    public static ResumableStart TooMany { get; } = new(null, Journaled: false);
}

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

/// <summary>What a stop request came to, with the run when one of the caller's was found.</summary>
public sealed record CancelResult(CancelStatus Status, RunRecord? Run = null);

public enum CancelStatus
{
    /// <summary>It was running: it stops wherever it runs, and its stream ends with <c>error</c> coded <c>cancelled</c>.</summary>
    Cancelling,

    /// <summary>No run of the caller's with this id.</summary>
    NotFound,

    /// <summary>It had already ended.</summary>
    AlreadyEnded,
}

/// <summary>What produces an answer's events into its sink until it ends: the agent team (<see cref="ChatTurnRunner.StartAsync"/>).</summary>
public delegate Task AnswerProducer(ChatTurn turn, RunEventSink sink, CancellationToken stop);
