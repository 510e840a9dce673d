using System.Diagnostics;
using Chatbot.Benchmarks.Baseline;
using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Load;

/// <summary>
/// <c>load</c>: the API (offline model at 0 ms a token, Redis memory on a real redis-server)
/// against a bare Kestrel baseline that sends the same token frames, at each concurrency level,
/// in one run. Each level warms both servers up, then measures the baseline and the API in turn.
/// </summary>
public static class LoadCommand
{
    private static readonly int[] DefaultLevels = [1, 16, 64, 256];

    public static async Task<int> RunAsync(CommandLine options)
    {
        var started = Stopwatch.GetTimestamp();
        var levels = options.Numbers("levels", DefaultLevels)
            .Select(c => LoadLevel.For(c, options.Decimal("requests-scale", 1)))
            .Select(level => level with { WarmupRequests = options.Number("warmup", level.WarmupRequests) })
            .ToArray();
        var question = options.Text("question", BenchmarkQuestion.Default);
        var machine = MachineDescription.Describe();

        await using var redis = await RedisServer.StartAsync();
        await using var api = await ApiServer.StartAsync(ApiServerOptions.From(options, tokenDelayMs: 0, prewarmOnStartup: true, redis.ConnectionString));
        using var client = new StreamClient(TimeSpan.FromSeconds(30));

        var apiTarget = StreamTarget.Api(api.BaseUrl, question, api.GatewaySecret);
        var tokens = await client.ReadTokensAsync(apiTarget);
        await using var baseline = await BaselineServerProcess.StartAsync(tokens);
        var baselineTarget = StreamTarget.Baseline(baseline.BaseUrl, question);
        Console.WriteLine($"API {api.BaseUrl} (pid {api.ProcessId}), baseline {baseline.BaseUrl} (pid {baseline.ProcessId}), redis {redis.ConnectionString}");
        Console.WriteLine($"\"{question}\" is answered in {tokens.Count} token events.");

        var measurements = new List<LoadMeasurement>();
        foreach (var level in levels)
        {
            measurements.Add(await MeasureAsync(client, baselineTarget, level, tokens.Count, baseline.Stats));
            measurements.Add(await MeasureAsync(client, apiTarget, level, tokens.Count, api.Stats));
        }

        var header = $"## load\n\nMachine: {machine}. Load average at end: {MachineDescription.LoadAverage()}.\n"
            + $"Question: \"{question}\", {tokens.Count} token events an answer; offline model at 0 ms a token; memory: Redis at {redis.ConnectionString}.\n"
            + (options.Text("api-dll") is { } dll ? $"API build: {dll}.\n" : "")
            + (options.Text("api-env") is { } env ? $"API settings: {env}.\n" : "")
            + $"Run took {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.";
        await ResultsFile.WriteAsync("load", LoadReport.Render(measurements, header));
        return 0;
    }

    private static async Task<LoadMeasurement> MeasureAsync(StreamClient client, StreamTarget target, LoadLevel level, int expectedTokens, Func<ProcessStats> server)
    {
        var tag = $"{target.Name}-c{level.Concurrency}-{Guid.NewGuid():N}";
        await level.Warmup.RunAsync(client, target, tag + "-warm");

        var before = server();
        var result = await level.Measured.RunAsync(client, target, tag);
        var cpu = server().CpuTime - before.CpuTime;

        var measurement = new LoadMeasurement(target.Name, level.Concurrency, result, cpu, expectedTokens);
        Console.WriteLine($"c={level.Concurrency,-4} {target.Name,-8} {result.Requests} answers in {result.Elapsed.TotalSeconds:0.0} s, "
            + $"TTFT p50 {result.TimeToFirstToken.P50:0.00} ms p99 {result.TimeToFirstToken.P99:0.00} ms, {result.TokensPerSecond:0} tokens/s, errors {measurement.Errors}");
        return measurement;
    }
}
