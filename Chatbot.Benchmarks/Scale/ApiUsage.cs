namespace Chatbot.Benchmarks.Scale;

/// <summary>One API process's CPU time over a phase, and whether it was the one killed.</summary>
public sealed record ApiUsage(string Name, TimeSpan Cpu, bool Killed);
