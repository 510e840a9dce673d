using Chatbot.Benchmarks.Hosting;

namespace Chatbot.Benchmarks.ColdStart;

/// <summary>
/// One way of starting the API that cold start compares: a build (<c>--api-dll-&lt;name&gt;</c>, else
/// <c>--api-dll</c>) and settings (<c>--api-env</c>, then <c>--api-env-&lt;name&gt;</c>). Without
/// <c>--variants</c>: <c>on</c> and <c>off</c>, the same build with start-up prewarm on and off.
/// </summary>
public sealed record ColdStartVariant(string Name, ApiServerOptions Options)
{
    private const string PrewarmOff = "Chatbot__Prewarm__OnStartup=false";

    public static IReadOnlyList<ColdStartVariant> From(CommandLine options, string redisConnectionString)
    {
        var names = options.Text("variants")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? ["on", "off"];
        return [.. names.Select(name => new ColdStartVariant(name, Start(options, name, redisConnectionString)))];
    }

    public string Describe() =>
        $"{Name} = {Options.Assembly} {string.Join(";", Options.Environment.Select(pair => $"{pair.Key}={pair.Value}"))}".TrimEnd();

    private static ApiServerOptions Start(CommandLine options, string name, string redisConnectionString)
    {
        var settings = $"{options.Text("api-env")};{(name == "off" ? PrewarmOff : "")};{options.Text($"api-env-{name}")}";
        var assembly = RepoLayout.ApiAssembly(options.Text($"api-dll-{name}") ?? options.Text("api-dll"));
        return new ApiServerOptions(assembly, TokenDelayMs: 0, PrewarmOnStartup: true, redisConnectionString)
        {
            Environment = ApiServerOptions.ParseEnvironment(settings),
        };
    }
}
