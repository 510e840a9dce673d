namespace Chatbot.ApiService.Memory;

/// <summary>A conversation as its owner (tenant/user) sees it; another owner's key never matches.</summary>
public readonly record struct ConversationKey(string Owner, string ConversationId);
