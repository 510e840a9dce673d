using Chatbot.ApiService.Streaming;
using Chatbot.Contracts.Identity;

namespace Chatbot.ApiService.Answers;

/// <summary>
/// One question, as an endpoint hands it over: what, in which conversation (a new one when null),
/// for whom, which events to stream, and whether the client asked to be able to resume.
/// </summary>
public sealed record AskCommand(string Question, string? ConversationId, AltecoContext Caller, StreamEventSelection Events, bool Resumable);
