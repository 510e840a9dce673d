using System.Collections.Concurrent;
using System.Diagnostics;

namespace Chatbot.Benchmarks.Client;

/// <summary>
/// <paramref name="Concurrency"/> virtual users, each sending its next request as soon as its
/// last answer ended, until <paramref name="MaxRequests"/> were sent or <paramref name="TimeLimit"/>
/// passed (both bounds always apply). With <paramref name="MinRequests"/> it stops earlier: once
/// that many were sent and <paramref name="MinDuration"/> passed, so a fast server is measured
/// for long enough too. Users can start spread over <paramref name="Ramp"/>.
/// </summary>
public sealed record ClosedLoop(int Concurrency, int MaxRequests, TimeSpan TimeLimit, TimeSpan Ramp = default, int? MinRequests = null, TimeSpan MinDuration = default)
{
    public async Task<ClosedLoopResult> RunAsync(StreamClient client, StreamTarget target, string tag, StreamGauge? gauge = null)
    {
        var outcomes = new ConcurrentBag<StreamOutcome>();
        var issued = 0;
        var started = Stopwatch.GetTimestamp();
        var users = Enumerable.Range(0, Concurrency).Select(async user =>
        {
            if (Ramp > TimeSpan.Zero)
            {
                await Task.Delay(Ramp * user / Concurrency);
            }
            while (Stopwatch.GetElapsedTime(started) < TimeLimit)
            {
                var number = Interlocked.Increment(ref issued);
                if (number > MaxRequests || IsEnough(number, Stopwatch.GetElapsedTime(started)))
                {
                    return;
                }
                outcomes.Add(await client.AskAsync(target, $"bench-{tag}-{number}", user, gauge));
            }
        });
        await Task.WhenAll(users);
        return new ClosedLoopResult([.. outcomes], Stopwatch.GetElapsedTime(started));
    }

    private bool IsEnough(int number, TimeSpan elapsed) => number > MinRequests && elapsed >= MinDuration;
}
