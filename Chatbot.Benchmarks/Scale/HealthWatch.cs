using System.Diagnostics;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// Polls every replica's <c>/health</c> (ServiceDefaults' readiness: its body is the overall
/// status) a few times a second while a phase runs, until disposed. A replica is left alone once
/// it was killed: its silence then is the benchmark's doing.
/// </summary>
public sealed class HealthWatch : IAsyncDisposable
{
    public const string HealthyState = "Healthy";

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly CancellationTokenSource _stop = new();
    private readonly List<HealthSample> _samples = [];
    private readonly Stopwatch _phaseClock;
    private readonly Task _polling;

    private HealthWatch(IReadOnlyList<ApiReplica> replicas, Stopwatch phaseClock)
    {
        _phaseClock = phaseClock;
        _polling = Task.WhenAll(replicas.Select(PollAsync));
    }

    public static HealthWatch Start(IReadOnlyList<ApiReplica> replicas, Stopwatch phaseClock) => new(replicas, phaseClock);

    public IReadOnlyList<HealthSample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>The replica's last answer, for the progress line.</summary>
    public string Latest(ApiReplica replica)
    {
        lock (_samples)
        {
            return _samples.LastOrDefault(sample => sample.Replica == replica.Name)?.State ?? "?";
        }
    }

    /// <summary>
    /// Waits until every live replica has answered Healthy since this call began (memory written
    /// back, every node connected), or until <paramref name="limit"/>; true when they all did.
    /// </summary>
    public async Task<bool> WaitUntilHealthyAsync(IReadOnlyList<ApiReplica> replicas, TimeSpan limit)
    {
        var since = _phaseClock.Elapsed;
        while (_phaseClock.Elapsed - since < limit)
        {
            if (replicas.Where(replica => replica.IsAlive).All(replica => LatestSince(replica, since) == HealthyState))
            {
                return true;
            }
            await Task.Delay(Interval);
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
        _http.Dispose();
    }

    private string? LatestSince(ApiReplica replica, TimeSpan since)
    {
        lock (_samples)
        {
            return _samples.LastOrDefault(sample => sample.Replica == replica.Name && sample.At > since)?.State;
        }
    }

    private async Task PollAsync(ApiReplica replica)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var state = await AskAsync(replica);
                if (replica.IsAlive)
                {
                    Record(new HealthSample(replica.Name, _phaseClock.Elapsed, state));
                }
            }
            while (replica.IsAlive && await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The phase is over.
        }
    }

    private async Task<string> AskAsync(ApiReplica replica)
    {
        try
        {
            using var response = await _http.GetAsync(replica.Server.BaseUrl + ApiServer.HealthPath, _stop.Token);
            return (await response.Content.ReadAsStringAsync(_stop.Token)).Trim();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !_stop.IsCancellationRequested)
        {
            return HealthSample.NoAnswer;
        }
    }

    private void Record(HealthSample sample)
    {
        lock (_samples)
        {
            _samples.Add(sample);
        }
    }
}
