namespace Chatbot.ApiService.Memory;

/// <summary>A conversation as its owner (tenant/user) sees it: ids are per owner, so another owner's key never matches.</summary>
public readonly record struct ConversationKey(string Owner, string ConversationId);
