namespace Chatbot.Benchmarks.Hosting;

/// <summary>How the API under test is started.</summary>
public sealed record ApiServerOptions(
    string Assembly,
    int TokenDelayMs,
    bool PrewarmOnStartup,
    string? RedisConnectionString)
{
    /// <summary>More settings for the API (<c>--api-env Key=Value;Key=Value</c>), e.g. to measure what a log line costs.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The API build (<c>--api-dll</c>, else this repository's Release build) and settings (<c>--api-env</c>) a mode was given.</summary>
    public static ApiServerOptions From(CommandLine options, int tokenDelayMs, bool prewarmOnStartup, string redisConnectionString) =>
        new(RepoLayout.ApiAssembly(options.Text("api-dll")), tokenDelayMs, prewarmOnStartup, redisConnectionString)
        {
            Environment = ParseEnvironment(options.Text("api-env")),
        };

    /// <summary><c>Key=Value;Key=Value</c> as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> ParseEnvironment(string? pairs) =>
        (pairs ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
}
