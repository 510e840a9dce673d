using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Runs.Redis;
using StackExchange.Redis;

namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// Reads a resumable run's state straight from the benchmark's redis-server, so the benchmark
/// knows a run has ended without reading (and so changing) its stream.
/// </summary>
public sealed class RunStateReader : IAsyncDisposable
{
    /// <summary>The run record's field that the run store's scripts keep the state in (see <see cref="RedisRunScripts"/>).</summary>
    private const string StateField = "state";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly ConnectionMultiplexer _redis;

    private RunStateReader(ConnectionMultiplexer redis) => _redis = redis;

    public static async Task<RunStateReader> ConnectAsync(string connectionString) =>
        new(await ConnectionMultiplexer.ConnectAsync(connectionString));

    /// <summary>The run's state; null when the run is unknown.</summary>
    public async Task<RunState?> ReadAsync(string runId)
    {
        var state = await _redis.GetDatabase().HashGetAsync(RedisRunKeys.Record(runId), StateField);
        return state.IsNull ? null : RunStates.Parse(state!);
    }

    /// <summary>Polls until the run is no longer running (or <paramref name="limit"/> passed); its state then.</summary>
    public async Task<RunState?> WaitUntilEndedAsync(string runId, TimeSpan limit)
    {
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            var state = await ReadAsync(runId);
            if (state != RunState.Running || deadline.IsCancellationRequested)
            {
                return state;
            }
            await Task.Delay(PollInterval);
        }
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();
}
