using System.Diagnostics;
using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Replica;

/// <summary>
/// <c>replica</c>: what a new replica's first answers cost against its steady state. One fresh API
/// process (Redis memory, offline model at 0 ms a token), ready by its own readiness; then windows
/// of answers at one concurrency, back to back, the API's CPU per token measured in each. The
/// first window is a replica an autoscaler just added; the last, one that has settled (tiered
/// compilation and dynamic PGO done). Run it once per build or runtime setting to compare
/// (<c>--api-dll</c> for a ReadyToRun build, <c>--api-env DOTNET_TieredPGO=0</c> and the like).
/// </summary>
public static class ReplicaCommand
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var started = Stopwatch.GetTimestamp();
        var concurrency = options.Number("concurrency", 64);
        var windowSize = options.Number("window", 4000);
        var windows = options.Number("windows", 7);
        var question = options.Text("question", BenchmarkQuestion.Default);
        var machine = MachineDescription.Describe();

        await using var redis = await RedisServer.StartAsync();
        await using var api = await ApiServer.StartAsync(ApiServerOptions.From(options, tokenDelayMs: 0, prewarmOnStartup: true, redis.ConnectionString));
        using var client = new StreamClient(TimeSpan.FromSeconds(30));
        var target = StreamTarget.Api(api.BaseUrl, question, api.GatewaySecret);
        Console.WriteLine($"API {api.BaseUrl} (pid {api.ProcessId}) ready {api.Ready.TotalMilliseconds:0} ms after start");

        var measured = new List<ReplicaWindow>();
        var answered = 0;
        int? expectedTokens = null;
        for (var i = 0; i < windows; i++)
        {
            var before = api.Stats().CpuTime;
            var result = await new ClosedLoop(concurrency, windowSize, TimeSpan.FromMinutes(5), MinRequests: windowSize).RunAsync(client, target, $"replica-{i}");
            expectedTokens ??= result.Outcomes.Where(outcome => outcome.Succeeded).Select(outcome => outcome.Tokens).DefaultIfEmpty().Max();
            var window = new ReplicaWindow(answered, result, api.Stats().CpuTime - before, expectedTokens.Value);
            measured.Add(window);
            answered += result.Requests;
            Console.WriteLine($"answers {window.AnsweredBefore + 1}–{answered}: {window.CpuPerTokenUs:0.00} µs of API CPU a token, {result.TokensPerSecond:0} tokens/s, errors {window.Errors}");
        }

        var header = $"## replica\n\nMachine: {machine}. Load average at end: {MachineDescription.LoadAverage()}.\n"
            + $"Question: \"{question}\"; offline model at 0 ms a token; memory: Redis; c={concurrency}, windows of {windowSize} answers.\n"
            + (options.Text("api-dll") is { } dll ? $"API build: {dll}.\n" : "")
            + (options.Text("api-env") is { } env ? $"API settings: {env}.\n" : "")
            + $"Ready {api.Ready.TotalMilliseconds:0} ms after start. Run took {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.";
        await ResultsFile.WriteAsync("replica", ReplicaReport.Render(measured, header));
        return 0;
    }
}
