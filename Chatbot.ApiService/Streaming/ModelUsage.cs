namespace Chatbot.ApiService.Streaming;

/// <summary>What one agent's model calls cost in a run: calls, and the tokens the provider reported.</summary>
public sealed record ModelUsage(string Agent, int Calls, long InputTokens, long OutputTokens);
