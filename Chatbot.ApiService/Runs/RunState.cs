using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Runs;

/// <summary>Where a resumable run is. Stored by its lower-case name.</summary>
public enum RunState
{
    Running,
    Completed,
    Failed,
    Cancelled,
    Interrupted,
}

public static class RunStates
{
    public static string ToStoredName(this RunState state) => state.ToString().ToLowerInvariant();

    public static RunState Parse(string name) =>
        Enum.TryParse<RunState>(name, ignoreCase: true, out var state) ? state : throw new FormatException($"Unknown run state '{name}'.");

    /// <summary>The state a run ends in with <paramref name="terminal"/> as its last event.</summary>
    public static RunState EndedBy(StreamEvent terminal) => terminal switch
    {
        { Type: StreamEventType.Complete } => RunState.Completed,
        { Code: StreamEvent.CancelledCode } => RunState.Cancelled,
        { Code: StreamEvent.InterruptedCode } => RunState.Interrupted,
        _ => RunState.Failed,
    };
}
