namespace Chatbot.ApiService.Memory;

/// <summary>One page of an owner's conversations, newest first, and how many there are in all.</summary>
public sealed record ConversationPage(IReadOnlyList<ConversationSummary> Items, int Page, int PageSize, long Total);
