using System.Diagnostics;

namespace Chatbot.Benchmarks.Scale;

/// <summary>Samples a phase once a second, and prints each sample with every replica's last health, until disposed.</summary>
public sealed class PhaseTimeline : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly List<PhaseSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    private PhaseTimeline(ScaleLoad load, HealthWatch health, IReadOnlyList<ApiReplica> replicas, Stopwatch phaseClock) =>
        _sampling = SampleAsync(load, health, replicas, phaseClock);

    public static PhaseTimeline Start(ScaleLoad load, HealthWatch health, IReadOnlyList<ApiReplica> replicas, Stopwatch phaseClock) =>
        new(load, health, replicas, phaseClock);

    public IReadOnlyList<PhaseSample> Samples => _samples;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private async Task SampleAsync(ScaleLoad load, HealthWatch health, IReadOnlyList<ApiReplica> replicas, Stopwatch phaseClock)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var sample = new PhaseSample(phaseClock.Elapsed, load.InFlight, load.Completed, load.Ended);
                _samples.Add(sample);
                var states = string.Join(", ", replicas.Select(replica => $"{replica.Name} {(replica.IsAlive ? health.Latest(replica) : "killed")}"));
                Console.WriteLine($"{sample.At.TotalSeconds,5:0} s: {sample.InFlight,5} open, {sample.Completed,6} completed, {sample.Ended - sample.Completed,4} ended otherwise; {states}");
            }
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }
}
