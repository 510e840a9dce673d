namespace Chatbot.Benchmarks.Scale;

/// <summary>What a replica's <c>/health</c> said at a moment of the phase: Healthy, Degraded, Unhealthy, or that it did not answer.</summary>
public sealed record HealthSample(string Replica, TimeSpan At, string State)
{
    public const string NoAnswer = "no answer";
}
