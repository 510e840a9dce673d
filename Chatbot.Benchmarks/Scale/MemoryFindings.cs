namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// What memory and Redis said after a phase: the completed answers not whole in memory at the
/// first read and still not a while later; for the streams that ended neither complete nor
/// interrupted, their runs' state in Redis, what the API read back of their turns, and how many
/// turns Redis itself holds for their conversations.
/// </summary>
public sealed record MemoryFindings(
    IReadOnlyDictionary<ScaleOutcome, string> Problems,
    IReadOnlyDictionary<ScaleOutcome, string> ProblemsLater,
    IReadOnlyDictionary<string, string> UnusualRunStates,
    IReadOnlyDictionary<ScaleOutcome, string> UnusualProblems,
    IReadOnlyDictionary<ScaleOutcome, long> UnusualTurnsInRedis)
{
    public const string Whole = "whole and complete";

    /// <summary>What the API read back of an odd stream's turns.</summary>
    public string InMemory(ScaleOutcome outcome) => UnusualProblems.GetValueOrDefault(outcome, Whole);
}
