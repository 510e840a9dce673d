namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// When a phase's fault began and when it was over (from the phase's start), and what happened.
/// For a replica kill both are the kill; for a node restart, from the kill until every node said
/// the cluster was ok again.
/// </summary>
public sealed record FaultWindow(TimeSpan Start, TimeSpan End, string What)
{
    public bool Contains(TimeSpan at) => at >= Start && at <= End;
}
