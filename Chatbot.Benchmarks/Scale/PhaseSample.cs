namespace Chatbot.Benchmarks.Scale;

/// <summary>Once a second during a phase: streams open, answers completed and questions ended so far.</summary>
public sealed record PhaseSample(TimeSpan At, int InFlight, int Completed, int Ended);
