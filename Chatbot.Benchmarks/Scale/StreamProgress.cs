using System.Diagnostics;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using Chatbot.ApiService.Streaming;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// One question's stream while it lasts, across its connections: the run, the last event
/// received (what a resume asks after), the answer so far. Every event must follow the last
/// one: a gap or a repeat ends the stream as failed.
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

    public void Accepted(string runId)
    {
        RunId = runId;
        Producer = Replica;
    }

    /// <summary>Takes the next event; the stream's ending when this one ends it.</summary>
    public StreamEnding? Take(SseItem<StreamEvent> item)
    {
        var sequence = long.TryParse(item.EventId, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
        if (sequence != LastSequence + 1)
        {
            return StreamEnding.Failed(sequence <= LastSequence ? "event repeated" : "event missing");
        }
        LastSequence = sequence;
        switch (item.Data.Type)
        {
            case StreamEventType.Token:
                TakeToken(item.Data.Content ?? "");
                return null;
            case StreamEventType.Complete:
                return StreamEnding.Completed;
            case StreamEventType.Error:
                return StreamEnding.Error(item.Data.Code);
            default:
                return null;
        }
    }

    public ScaleOutcome End(StreamEnding ending, TimeSpan endedAt) =>
        new(user, conversationId, RunId, Producer, startedAt, endedAt, _timeToFirstTokenMs, LastSequence, _tokens, _answer.ToString(), Resumes, AskedAgain, ending);

    private void TakeToken(string content)
    {
        if (_tokens++ == 0)
        {
            _timeToFirstTokenMs = Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        }
        _answer.Append(content);
    }
}
