namespace Chatbot.ApiService.Runs;

/// <summary>What the run store answered the producer of a run.</summary>
public enum JournalOutcome
{
    /// <summary>Written; go on.</summary>
    Running,

    /// <summary>Written, and someone asked to stop the run: the producer should stop.</summary>
    CancelRequested,

    /// <summary>Not written: the run ended or was declared interrupted while this process was unreachable.</summary>
    Closed,
}
