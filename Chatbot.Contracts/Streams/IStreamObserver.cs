using System.Net;

namespace Chatbot.Contracts.Streams;

/// <summary>
/// Sees a stream's connections as they happen, for whoever measures or routes them (the
/// benchmarks' timings, a replica router). Every method is optional and runs inline: keep it short.
/// </summary>
public interface IStreamObserver
{
    /// <summary>A connection's response headers arrived (the question's, or a resume's) and its events follow.</summary>
    void Opened(HttpResponseMessage response)
    {
    }

    /// <summary>An event came off the wire, before a replay of one already had is dropped.</summary>
    void Received(ChatStreamEvent streamEvent)
    {
    }

    /// <summary>An attempt to resume after <paramref name="after"/> is about to be sent.</summary>
    void Resuming(string runId, long after)
    {
    }

    /// <summary>A resume attempt failed and will be tried again: its exception, or the status the API answered.</summary>
    void ResumeFailed(Exception? exception, HttpStatusCode? status)
    {
    }
}
