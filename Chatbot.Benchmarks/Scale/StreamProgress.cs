using System.Diagnostics;
using System.Text;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// One question's stream while it lasts, across its connections: the run, the last event
/// received, the answer so far, and its ending once it has one. Every event off the wire must
/// follow the last one: a gap or a repeat ends the stream as failed.
/// </summary>
public sealed class StreamProgress(int user, string conversationId, int replica, TimeSpan startedAt)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly StringBuilder _answer = new();
    private double _timeToFirstTokenMs = double.NaN;
    private int _tokens;

    public int User => user;

    public string ConversationId => conversationId;

    /// <summary>The replica talked to now.</summary>
    public int Replica { get; set; } = replica;

    /// <summary>The replica that took the question and runs the answer.</summary>
    public int Producer { get; private set; } = replica;

    public string? RunId { get; private set; }

    public long LastSequence { get; private set; }

    public int Resumes { get; set; }

    public int AskedAgain { get; set; }

    /// <summary>How the stream ended, once an event ended it.</summary>
    public StreamEnding? Ending { get; private set; }

    public void Accepted(string runId)
    {
        RunId = runId;
        Producer = Replica;
    }

    /// <summary>Takes the next event off the wire; the first that ends the stream sets <see cref="Ending"/>.</summary>
    public void Take(ChatStreamEvent streamEvent)
    {
        if (Ending is not null)
        {
            return;
        }
        if (streamEvent.Sequence != LastSequence + 1)
        {
            Ending = StreamEnding.Failed(streamEvent.Sequence <= LastSequence ? "event repeated" : "event missing");
            return;
        }
        LastSequence = streamEvent.Sequence;
        Ending = streamEvent.Type switch
        {
            StreamEventTypes.Token => TakeToken(streamEvent.Field(StreamEventFields.Content) ?? ""),
            StreamEventTypes.Complete => StreamEnding.Completed,
            StreamEventTypes.Error => StreamEnding.Error(streamEvent.Field(StreamEventFields.Code)),
            _ => null,
        };
    }

    public ScaleOutcome End(StreamEnding ending, TimeSpan endedAt) =>
        new(user, conversationId, RunId, Producer, startedAt, endedAt, _timeToFirstTokenMs, LastSequence, _tokens, _answer.ToString(), Resumes, AskedAgain, ending);

    private StreamEnding? TakeToken(string content)
    {
        if (_tokens++ == 0)
        {
            _timeToFirstTokenMs = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        }
        _answer.Append(content);
        return null;
    }
}
