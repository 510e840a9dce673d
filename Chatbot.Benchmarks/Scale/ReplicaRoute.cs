using System.Net;
using Chatbot.Contracts.Streaming;
using Chatbot.Contracts.Streams;

namespace Chatbot.Benchmarks.Scale;

/// <summary>
/// One question's way through the replicas, as a load balancer with passive health checks would
/// take it: asked on the user's replica, each resume attempt on the next one up; a replica that
/// refused a connection is marked down. It also hands every event off the wire to the question's
/// <see cref="StreamProgress"/>.
/// </summary>
public sealed class ReplicaRoute(ReplicaRouter router, StreamProgress progress) : IStreamObserver
{
    public StreamCallOptions Options => new() { Prepare = Address, Observer = this };

    /// <summary>A refused connection means the replica is gone; any other failure moves on without judging it.</summary>
    public void Unreachable(HttpRequestException exception)
    {
        if (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            router.MarkDown(progress.Replica);
        }
        progress.Replica = router.Next(progress.Replica);
    }

    private void Address(HttpRequestMessage request)
    {
        if (request.Method == HttpMethod.Get)
        {
            progress.Replica = router.Next(progress.Replica); // a resume: never on the replica it broke on, while another is up
        }
        router[progress.Replica].Address(request, progress.User);
    }

    void IStreamObserver.Opened(HttpResponseMessage response)
    {
        if (progress.RunId is null && response.Headers.TryGetValues(StreamHeaders.RunId, out var runIds))
        {
            progress.Accepted(runIds.Single());
        }
    }

    void IStreamObserver.Received(ChatStreamEvent streamEvent) => progress.Take(streamEvent);

    void IStreamObserver.Resuming(string runId, long after) => progress.Resumes++;

    void IStreamObserver.ResumeFailed(Exception? exception, HttpStatusCode? status)
    {
        if (exception is HttpRequestException refused)
        {
            Unreachable(refused);
        }
    }
}
