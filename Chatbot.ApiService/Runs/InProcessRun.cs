using Chatbot.ApiService.Streaming;

namespace Chatbot.ApiService.Runs;

/// <summary>One run's events in this process, and a signal its followers wait on for the next ones.</summary>
public sealed class InProcessRun(RunRecord record)
{
    private readonly Lock _gate = new();
    private readonly List<StreamEvent> _events = [];
    private TaskCompletionSource _appended = NewSignal();

    public RunRecord Record { get; private set; } = record;

    public bool CancelRequested { get; private set; }

    public JournalOutcome Append(IReadOnlyList<StreamEvent> events, DateTimeOffset now)
    {
        TaskCompletionSource appended;
        lock (_gate)
        {
            if (Record.HasEnded)
            {
                return JournalOutcome.Closed;
            }
            _events.AddRange(events);
            Record = Record with { LastSequence = events[^1].Sequence };
            if (events[^1].IsTerminal)
            {
                Record = Record with { State = RunStates.EndedBy(events[^1]), EndedAt = now };
            }
            appended = _appended;
            _appended = NewSignal();
        }
        appended.SetResult();
        return CancelRequested ? JournalOutcome.CancelRequested : JournalOutcome.Running;
    }

    public bool RequestCancel()
    {
        lock (_gate)
        {
            CancelRequested = !Record.HasEnded;
            return CancelRequested;
        }
    }

    /// <summary>The events after <paramref name="after"/>, and a task that completes when more are appended.</summary>
    public (StreamEvent[] Events, Task Appended) After(long after)
    {
        lock (_gate)
        {
            // Sequence numbers run 1, 2, 3... so event n sits at index n - 1.
            var from = (int)Math.Min(Math.Max(after, 0), _events.Count);
            return ([.. _events.Skip(from)], _appended.Task);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
