using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Telemetry;

namespace Chatbot.ApiService.Agents;

/// <summary>
/// The process's one agent runtime (the seed's GraphCompiler singleton): created lazily by the
/// first caller, prewarm or request, exactly once however many arrive together. A failed
/// creation is forgotten so the next caller tries again.
/// </summary>
public sealed class AgentRuntimeProvider(AgentRuntimeFactory factory, ModelClients model, ChatbotMetrics metrics, ILogger<AgentRuntimeProvider> logger)
{
    private readonly Lock _gate = new();
    private Task<AgentRuntime>? _creation;
    private int _creations;
    private long _reuses;

    public bool IsInitialized => _creation is { IsCompletedSuccessfully: true };

    /// <summary>How many runtimes this process has built; stays 1.</summary>
    public int Creations => Volatile.Read(ref _creations);

    /// <summary>How many callers were served a runtime they did not start building.</summary>
    public long Reuses => Interlocked.Read(ref _reuses);

    public AgentRuntime? Current => _creation is { IsCompletedSuccessfully: true } creation ? creation.Result : null;

    public Task<AgentRuntime> GetAsync()
    {
        var creation = Volatile.Read(ref _creation);
        if (creation is not { IsCompletedSuccessfully: true })
        {
            lock (_gate)
            {
                if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
                {
                    _creation = Task.Run(Create);
                    return _creation;
                }
                creation = _creation;
            }
        }
        // Served by the runtime that exists or is being built by someone else.
        Interlocked.Increment(ref _reuses);
        metrics.RuntimeReused();
        return creation;
    }

    private AgentRuntime Create()
    {
        var number = Interlocked.Increment(ref _creations);
        metrics.RuntimeCreated();
        logger.LogInformation("Creating agent runtime #{Number}", number);
        var runtime = factory.Create(model);
        logger.LogInformation("Agent runtime #{Number} (id {AgentId}) created in {ElapsedMs:F1} ms",
            number, runtime.Id, runtime.BuildTime.TotalMilliseconds);
        return runtime;
    }
}
