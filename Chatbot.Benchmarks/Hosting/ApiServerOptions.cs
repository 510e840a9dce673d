namespace Chatbot.Benchmarks.Hosting;

/// <summary>How the API under test is started.</summary>
public sealed record ApiServerOptions(
    string Assembly,
    int TokenDelayMs,
    bool PrewarmOnStartup,
    string? RedisConnectionString);
