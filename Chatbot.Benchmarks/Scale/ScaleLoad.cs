using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// The phase's users: each starts within the ramp and asks again as soon as its answer ended,
/// until the asking time is over, so that as many streams as users are open at once. A user
/// whose answer did not complete waits a second before asking again, as a person would.
/// </summary>
public sealed class ScaleLoad(ResumingStreamClient client, ScaleOptions options, Stopwatch phaseClock, string tag)
{
    private static readonly TimeSpan PauseAfterFailure = TimeSpan.FromSeconds(1);

    private readonly ConcurrentQueue<ScaleOutcome> _outcomes = new();
    private int _inFlight;
    private int _completed;

    /// <summary>Questions asked whose stream has not ended yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public int Completed => Volatile.Read(ref _completed);

    public int Ended => _outcomes.Count;

    public async Task<IReadOnlyList<ScaleOutcome>> RunAsync()
    {
        await Task.WhenAll(Enumerable.Range(0, options.Streams).Select(UserAsync));
        return [.. _outcomes];
    }

    private async Task UserAsync(int user)
    {
        await Task.Delay(options.Ramp * user / options.Streams);
        for (var question = 1; phaseClock.Elapsed < options.AskFor; question++)
        {
            Interlocked.Increment(ref _inFlight);
            var outcome = await client.AskAsync(user, $"scale-{tag}-{user}-{question}");
            // Counted before it is queued, so a sample never sees it ended but not completed.
            if (outcome.Ending.IsCompleted)
            {
                Interlocked.Increment(ref _completed);
            }
            _outcomes.Enqueue(outcome);
            Interlocked.Decrement(ref _inFlight);
            if (!outcome.Ending.IsCompleted)
            {
                await Task.Delay(PauseAfterFailure);
            }
        }
    }
}
