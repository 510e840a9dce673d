using System.Runtime.CompilerServices;
using Amazon.Runtime.EventStreams;
using Amazon.Runtime.EventStreams.Internal;

namespace Chatbot.ApiService.Llm.Converse;

/// <summary>
/// The messages of an <c>application/vnd.amazon.eventstream</c> body, decoded by AWSSDK.Core's
/// <see cref="EventStreamDecoder"/> (which checks the prelude's and the message's CRC32) as bytes arrive.
/// </summary>
public static class ConverseEventStream
{
    private const int ReadSize = 16 * 1024;

    public static async IAsyncEnumerable<EventStreamMessage> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var decoder = new EventStreamDecoder();
        var decoded = new Queue<EventStreamMessage>();
        decoder.MessageReceived += (_, received) => decoded.Enqueue(received.Message);
        var buffer = new byte[ReadSize];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            decoder.ProcessData(buffer, 0, read);
            while (decoded.TryDequeue(out var message))
            {
                yield return message;
            }
        }
    }
}
