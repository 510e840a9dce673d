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

    Task CreateAsync(RunRecord run, CancellationToken cancellationToken);

    /// <summary>Appends events in order; a terminal event ends the run and starts its expiry.</summary>
    Task<JournalOutcome> AppendAsync(string runId, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken);

    /// <summary>Says the producer is alive; called between appends.</summary>
    Task<JournalOutcome> KeepAliveAsync(string runId, CancellationToken cancellationToken);

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
