using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.Scale;

/// <summary>One API process of the set, the target clients stream from, and whether it still runs.</summary>
public sealed class ApiReplica(int index, ApiServer server, StreamTarget target) : IAsyncDisposable
{
    private TimeSpan? _cpuAtKill;

    /// <summary>Kept: the process object forgets its id once killed.</summary>
    public int ProcessId { get; } = server.ProcessId;

    public int Index => index;

    public string Name => $"api-{index + 1}";

    public ApiServer Server => server;

    public StreamTarget Target => target;

    public bool IsAlive => _cpuAtKill is null;

    /// <summary>The process's CPU time so far; after a kill, what it had used by then.</summary>
    public TimeSpan CpuTime => _cpuAtKill ?? server.Stats().CpuTime;

    /// <summary>SIGKILL: the process gets no chance to end its runs or answer anyone.</summary>
    public async Task KillAsync()
    {
        _cpuAtKill = server.Stats().CpuTime;
        await server.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (IsAlive)
        {
            await server.DisposeAsync();
        }
    }
}
