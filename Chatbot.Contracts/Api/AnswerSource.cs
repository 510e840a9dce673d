using System.Text.Json.Serialization;
using Chatbot.Contracts.Streaming;

namespace Chatbot.Contracts.Api;

/// <summary>
/// A passage an answer drew on: the document (its path in the documents folder) and the heading
/// of the passage. On the <c>complete</c> event's <c>sources</c> and on a stored answer's turn.
/// </summary>
public sealed record AnswerSource(
    [property: JsonPropertyName(StreamEventFields.Document)] string Document,
    [property: JsonPropertyName(StreamEventFields.Heading)] string Heading);
