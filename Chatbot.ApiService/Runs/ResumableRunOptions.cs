namespace Chatbot.ApiService.Runs;

/// <summary><c>Chatbot:Runs</c>: resumable runs (clients that send <c>x-stream-resumable: true</c>).</summary>
public sealed class ResumableRunOptions
{
    public const string Section = "Chatbot:Runs";

    /// <summary>False ignores <c>x-stream-resumable</c>: every stream is cancelled when its client leaves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a run's events and record are kept after its last event.</summary>
    public TimeSpan RetainFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Events kept per run (Redis trims the oldest beyond it); above any answer the budget allows.</summary>
    public int MaxEvents { get; set; } = 10_000;

    /// <summary>
    /// How long a producer's silence proves it died: it renews its lease every third of this, and a
    /// follower that finds the lease gone ends the run with an <c>interrupted</c> error.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often a follower with nothing new checks the producer's lease.</summary>
    public TimeSpan FollowPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// At most one journal append per window: events that come sooner wait and join the next one
    /// (see <see cref="JournalBatcher"/>). Zero appends as soon as the previous append returned.
    /// At a model's pace (15 ms a token) 100 ms makes an append of ~7 tokens instead of one per
    /// token; the chat UI renders at most every 50 ms. Measured in docs/lab/2026-11-30-journal-window.md.
    /// </summary>
    public TimeSpan JournalWindow { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Events in one append at most: a full batch goes at once.</summary>
    public int JournalMaxBatch { get; set; } = 256;
}
