using Chatbot.ApiService.Llm.Offline;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.AI;

namespace Chatbot.Benchmarks.Micro;

/// <summary>A 100-piece answer as the model streams it, for the per-token micro benchmarks.</summary>
public static class SampleAnswer
{
    public const int Tokens = 100;

    private const string Text =
        "Tariffs and feed-in: what you pay for grid electricity and what you are paid for what you export. "
        + "Time-of-use and dynamic tariffs change the price by the hour, so shifting load or storing energy can pay. ";

    /// <summary>The first <see cref="Tokens"/> word pieces of a long knowledge answer.</summary>
    public static string[] Pieces() => WordPieces.Split(string.Concat(Enumerable.Repeat(Text, 10))).Take(Tokens).ToArray();

    public static ChatResponseUpdate[] Updates() =>
        Pieces().Select(piece => new ChatResponseUpdate(ChatRole.Assistant, [new TextContent(piece)])).ToArray();

    /// <summary>Token events numbered as in a stream (after <c>start</c>).</summary>
    public static StreamEvent[] TokenEvents() =>
        Pieces().Select((piece, index) => StreamEvent.Token(piece) with { Sequence = index + 2 }).ToArray();
}
