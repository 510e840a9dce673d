using System.Diagnostics;

namespace Chatbot.Benchmarks.Scale;

/// <summary>What a phase breaks while its streams run.</summary>
public interface IScaleFault
{
    /// <summary>The phase's name, e.g. <c>replica-kill</c>.</summary>
    string Name { get; }

    Task<FaultWindow> InjectAsync(Stopwatch phaseClock);
}
