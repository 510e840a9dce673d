using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace Chatbot.Contracts.Streams;

/// <summary>
/// The one place an answer's Server-Sent Events are parsed (with <see cref="SseParser"/>): the
/// events of one connection, as sent, without resuming. <see cref="ChatStreamClient"/> reads
/// through it; contract tests use it to see exactly what the API wrote.
/// </summary>
public static class ChatStreamReader
{
    public static async IAsyncEnumerable<ChatStreamEvent> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            yield return new ChatStreamEvent(item.EventType, item.EventId, item.Data);
        }
    }

    public static async IAsyncEnumerable<ChatStreamEvent> ReadAsync(HttpResponseMessage response, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var streamEvent in ReadAsync(body, cancellationToken))
        {
            yield return streamEvent;
        }
    }
}
