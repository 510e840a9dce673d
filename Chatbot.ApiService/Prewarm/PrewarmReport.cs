namespace Chatbot.ApiService.Prewarm;

/// <summary>What the process's warm-up did, kept for every later /prewarm call.</summary>
public sealed record PrewarmReport(IReadOnlyList<PrewarmComponent> Components, double TotalMs, DateTimeOffset WarmedAt);
