using System.Globalization;
using System.Net.Http.Json;
using Chatbot.Contracts.Api;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Contracts.Streams;

/// <summary>A question to stream the answer of: <c>POST ask_stream</c> with <c>x-stream: true</c>.</summary>
public sealed record AskStreamRequest(string Question, string? ConversationId = null)
{
    /// <summary>A run that goes on without its client and can be resumed (<c>x-stream-resumable</c>).</summary>
    public bool Resumable { get; init; } = true;

    /// <summary><c>x-stream-level</c>: 2 adds agent, tool and thinking events; null leaves it to the server's default.</summary>
    public int? Level { get; init; }

    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, ChatbotRoutes.AskStream)
        {
            Content = JsonContent.Create(new QuestionRequest(Question, ConversationId)),
        };
        request.Headers.Add(StreamHeaders.Stream, "true");
        if (Resumable)
        {
            request.Headers.Add(StreamHeaders.Resumable, "true");
        }
        if (Level is { } level)
        {
            request.Headers.Add(StreamHeaders.Level, level.ToString(CultureInfo.InvariantCulture));
        }
        return request;
    }
}
