namespace Chatbot.ApiService.Llm.Converse;

/// <summary>What a <see cref="ConverseChatClient"/> calls and how: the runtime URL, the model, its defaults.</summary>
/// <param name="EnableThinking">Asks Anthropic models for extended thinking; other models reason, or not, on their own.</param>
public sealed record ConverseSettings(Uri Runtime, string ModelId, int MaxOutputTokens, bool EnableThinking);
