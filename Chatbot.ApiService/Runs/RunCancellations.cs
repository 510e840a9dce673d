using System.Collections.Concurrent;

namespace Chatbot.ApiService.Runs;

/// <summary>The stop switches of the resumable runs this process produces, by run id.</summary>
public sealed class RunCancellations
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _runs = new();

    public CancellationToken Register(string runId) => _runs.GetOrAdd(runId, _ => new CancellationTokenSource()).Token;

    /// <summary>Stops the run if this process produces it; true when it did.</summary>
    public bool Cancel(string runId)
    {
        if (!_runs.TryGetValue(runId, out var stop))
        {
            return false;
        }
        try
        {
            stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Ended meanwhile.
        }
        return true;
    }

    public void Remove(string runId)
    {
        if (_runs.TryRemove(runId, out var stop))
        {
            stop.Dispose();
        }
    }
}
