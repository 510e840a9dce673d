using Chatbot.Contracts.Api;

namespace Chatbot.ApiService.Tools.Knowledge;

/// <summary>
/// One searchable piece of a document: the text under one heading, up to the next heading.
/// <paramref name="Document"/> is the file's path in the folder, with <c>/</c> between folders.
/// </summary>
public sealed record Passage(string Document, string Heading, string Text)
{
    public AnswerSource Source => new(Document, Heading);
}
