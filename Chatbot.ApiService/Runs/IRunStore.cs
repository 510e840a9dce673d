using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Runs;

/// <summary>
/// Where resumable runs keep their events until they expire: Redis (shared by every replica) or
/// this process. Only the run's producer writes; any number of followers read.
/// </summary>
public interface IRunStore
{
    string Name { get; }

    /// <summary>Loads what the first run needs (scripts, subscriptions), so it pays nothing extra.</summary>
    Task ConnectAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the run with its first events, unless its owner already has
    /// <paramref name="openLimit"/> runs running (on every replica that shares the store): false
    /// then, and nothing is stored. A run counts until its terminal event is appended, or, if its
    /// producer dies, until its lease lapses.
    /// </summary>
    Task<bool> OpenAsync(RunRecord run, IReadOnlyList<StreamEvent> first, int openLimit, CancellationToken cancellationToken);

    /// <summary>Appends events in order; a terminal event ends the run and starts its expiry.</summary>
    Task<JournalOutcome> AppendAsync(RunRecord run, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken);

    /// <summary>Says the producer is alive, and its run still open; called between appends.</summary>
    Task<JournalOutcome> KeepAliveAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// The events after <paramref name="after"/>, then each new one as it is written, ending after
    /// the terminal event. When the producer died, ends the run with an <c>interrupted</c> error
    /// first. Ends early, without a terminal event, if the run expires meanwhile.
    /// </summary>
    IAsyncEnumerable<StreamEvent> FollowAsync(string runId, long after, CancellationToken cancellationToken);

    /// <summary>Flags the run for its producer, wherever it runs. False when it was not running.</summary>
    Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken);
}
