namespace Chatbot.ApiService.Streaming;

/// <summary>What the <c>complete</c> event reports about a run.</summary>
public sealed record RunStatistics(
    long InputTokens,
    long OutputTokens,
    double? TimeToFirstTokenMs,
    double DurationMs);
