using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Chatbot.ApiService.Memory.Archive;

/// <summary>
/// The bounded queue between a chat and the archive. Enqueueing never waits: when the archive
/// has fallen so far behind that the queue is full, the write is dropped, counted and logged
/// instead of slowing the chat.
/// </summary>
public sealed class ArchiveQueue(IOptions<MemoryOptions> options, ArchiveMetrics metrics, ILogger<ArchiveQueue> logger)
{
    private readonly Channel<ArchiveWrite> _channel = Channel.CreateBounded<ArchiveWrite>(
        new BoundedChannelOptions(options.Value.ArchiveQueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private volatile bool _completed;

    public ChannelReader<ArchiveWrite> Reader => _channel.Reader;

    public int Pending => _channel.Reader.Count;

    public void Enqueue(ArchiveWrite write)
    {
        if (_channel.Writer.TryWrite(write))
        {
            return;
        }
        var reason = _completed ? ArchiveMetrics.ShuttingDown : ArchiveMetrics.QueueFull;
        metrics.WriteFailed(write, reason);
        logger.LogError("Archive {Operation} of conversation {ConversationId} dropped ({Reason})",
            write.Operation, write.Key.ConversationId, reason);
    }

    /// <summary>Takes no more writes; the writer stops once it has written what is queued.</summary>
    public void Complete()
    {
        _completed = true;
        _channel.Writer.TryComplete();
    }
}
