using System.Reflection;
using System.Threading.Channels;
using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Streaming;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Chatbot.ApiService.Endpoints;

/// <summary>
/// The HTTP side of a run: only reads the run's buffer and writes frames, flushing as events
/// arrive, with a heartbeat comment whenever the stream has been idle for the configured time.
/// </summary>
public sealed class SseStreamResult(ChannelReader<StreamEvent> events, TimeSpan heartbeat, string runId, string conversationId)
    : IResult, IEndpointMetadataProvider
{
    /// <summary>Tells OpenAPI that an endpoint returning this answers 200 with an event stream.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(void), [StreamHeaders.ContentType]));

    /// <summary>True for a journaled run: the client may resume it by its run id.</summary>
    public bool Resumable { get; init; }

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = StreamHeaders.ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        response.Headers[StreamHeaders.RunId] = runId;
        response.Headers[StreamHeaders.ConversationId] = conversationId;
        if (Resumable)
        {
            response.Headers[StreamHeaders.ResumableRun] = "true";
        }
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var cancellationToken = context.RequestAborted;
        var writer = new SseFrameWriter(response.BodyWriter);
        var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            if (Resumable)
            {
                // The run id goes out with the first event, which the journal hands over only once
                // stored: a client never holds the id of a run no replica can find.
                await events.WaitToReadAsync(cancellationToken);
            }
            await response.StartAsync(cancellationToken);
            while (true)
            {
                while (events.TryRead(out var streamEvent))
                {
                    writer.Write(streamEvent);
                    if (streamEvent.IsTerminal)
                    {
                        await response.BodyWriter.FlushAsync(cancellationToken);
                        return;
                    }
                }
                await response.BodyWriter.FlushAsync(cancellationToken);

                idle.CancelAfter(heartbeat);
                try
                {
                    if (!await events.WaitToReadAsync(idle.Token))
                    {
                        return;
                    }
                    idle.TryReset();
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await writer.WriteHeartbeatAsync(cancellationToken);
                    idle.Dispose();
                    idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: an ordinary run's producer sees the same token and stops; a
            // resumable one goes on into its journal.
        }
        finally
        {
            idle.Dispose();
        }
    }
}
