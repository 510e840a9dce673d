using System.Diagnostics;

namespace Chatbot.Benchmarks.Scale;

/// <summary>One API replica killed (SIGKILL) mid-run: its runs' producers die with it, its clients' connections break.</summary>
public sealed class ReplicaKillFault(ApiReplica victim) : IScaleFault
{
    public string Name => ScaleOptions.ReplicaKillPhase;

    public async Task<FaultWindow> InjectAsync(Stopwatch phaseClock)
    {
        var at = phaseClock.Elapsed;
        await victim.KillAsync();
        Console.WriteLine($"{at.TotalSeconds,5:0.0} s: killed {victim.Name} (pid {victim.ProcessId}, SIGKILL)");
        return new FaultWindow(at, at, $"{victim.Name} killed (SIGKILL) at {at.TotalSeconds:0.0} s");
    }
}
