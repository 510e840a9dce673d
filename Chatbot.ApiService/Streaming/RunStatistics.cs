namespace Chatbot.ApiService.Streaming;

/// <summary>
/// What the <c>complete</c> event reports about a run: the provider's input tokens, the token
/// events streamed, the model calls in all and <paramref name="Agents"/> per agent.
/// </summary>
public sealed record RunStatistics(
    long InputTokens,
    long OutputTokens,
    double? TimeToFirstTokenMs,
    double DurationMs,
    int ModelCalls = 0,
    IReadOnlyList<ModelUsage>? Agents = null);

/// <summary>What one agent's model calls cost in a run: calls, and the tokens the provider reported.</summary>
public sealed record ModelUsage(string Agent, int Calls, long InputTokens, long OutputTokens);
