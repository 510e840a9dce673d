namespace Chatbot.Benchmarks.Client;

/// <summary>A resumable run whose client went away: its id, the last event the client had, and the tokens among its events.</summary>
public sealed record DroppedRun(string RunId, long LastSequence, int TokensSeen);
