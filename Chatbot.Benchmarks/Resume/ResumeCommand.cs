using System.Diagnostics;
using System.Text;
using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Load;
using Chatbot.Benchmarks.Reporting;
using StackExchange.Redis;

namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// <c>resume</c>: what resumable streams (issue 8, <c>x-stream-resumable: true</c>) cost and how
/// fast a dropped stream comes back. First the load mode's closed loop against one API process
/// (0 ms a token unless told) with resumable off and on at each level, in alternating rounds; then, against a
/// second API process whose model is slow enough for a run to outlive a dropped connection, the
/// time from a resume request to its first replayed event, for runs still live and runs completed.
/// Both APIs share one redis-server, which journals the runs. With <c>--windows</c>, then the
/// journal window at a model's pace (<see cref="WindowSweep"/>).
/// </summary>
public static class ResumeCommand
{
    private static readonly int[] DefaultLevels = [1, 16, 64];
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(CommandLine options)
    {
        var started = Stopwatch.GetTimestamp();
        var question = options.Text("question", BenchmarkQuestion.Default);
        var machine = MachineDescription.Describe();
        await using var redis = await RedisServer.StartAsync();

        var sections = new StringBuilder();
        if (options.Numbers("levels", DefaultLevels) is { Length: > 0 } levels)
        {
            sections.Append(await MeasureThroughputAsync(options, redis, question, levels));
        }
        if (options.Number("resumes", 500) is > 0 and var resumes)
        {
            sections.Append(await MeasureResumeLatencyAsync(options, redis, question, resumes));
        }
        if (options.Numbers("windows", []) is { Length: > 0 } windows)
        {
            sections.Append(await MeasureWindowsAsync(options, redis, question, windows));
        }

        var header = $"## resume\n\nMachine: {machine}. Load average at end: {MachineDescription.LoadAverage()}.\n"
            + $"Question: \"{question}\"; memory and run journal: Redis at {redis.ConnectionString}.\n"
            + (options.Text("api-dll") is { } dll ? $"API build: {dll}.\n" : "")
            + (options.Text("api-env") is { } env ? $"API settings: {env}.\n" : "")
            + $"Run took {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.\n\n";
        await ResultsFile.WriteAsync("resume", header + sections);
        return 0;
    }

    private static async Task<string> MeasureThroughputAsync(CommandLine options, RedisServer redis, string question, int[] levels)
    {
        var rounds = options.Number("rounds", 3);
        var scale = options.Decimal("requests-scale", 1);
        var tokenDelayMs = options.Number("token-delay-ms", 0);
        await using var api = await ApiServer.StartAsync(ApiServerOptions.From(options, tokenDelayMs, prewarmOnStartup: true, redis.ConnectionString));
        using var client = new StreamClient(RequestTimeout);
        // Admin mode: INFO commandstats.
        await using var redisClient = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var off = StreamTarget.Api(api.BaseUrl, question, api.GatewaySecret);
        var on = off.AsResumable();
        var tokens = (await client.ReadTokensAsync(on)).Count;
        Console.WriteLine($"API {api.BaseUrl} (pid {api.ProcessId}), redis {redis.ConnectionString} (pid {redis.ProcessId}); {tokens} token events an answer.");

        var load = new ResumableLoad(client, off, on, tokens, () => CpuTimes.Read(api, redis), redisClient.GetServer(redis.ConnectionString));
        var measured = new List<OnOffMeasurement>();
        foreach (var concurrency in levels)
        {
            var level = LoadLevel.For(concurrency, scale);
            measured.Add(await load.MeasureAsync(level with { WarmupRequests = options.Number("warmup", level.WarmupRequests) }, rounds));
        }
        return $"### Throughput, resumable off and on\n\nOffline model at {tokenDelayMs} ms a token, {tokens} token events an answer; "
            + (options.Text("warmup") is { } warmup ? $"{warmup} answers of each kind to warm up (at most {LoadLevel.WarmupTimeLimit.TotalSeconds:0} s each); " : "")
            + $"{rounds} rounds a level, each measuring off and on back to back (off first in odd rounds, on first in even ones).\n\n"
            + ResumableLoadReport.Render(measured) + "\n";
    }

    private static async Task<string> MeasureWindowsAsync(CommandLine options, RedisServer redis, string question, int[] windows)
    {
        var sweep = new WindowSweep(options, redis, question);
        var rows = await sweep.MeasureAsync(windows);
        return $"### Journal window at a model's pace\n\nOffline model at {options.Number("window-token-delay-ms", 15)} ms a token, "
            + $"{options.Number("window-concurrency", 64)} users in a closed loop, {options.Number("window-answers", 256)} answers a row; "
            + "a fresh API process per window (`Chatbot:Runs:JournalWindow`), two answers a user to warm up each kind of request, then the same answers without and with resumable streams.\n\n"
            + WindowSweepReport.Render(rows) + "\n";
    }

    private static async Task<string> MeasureResumeLatencyAsync(CommandLine options, RedisServer redis, string question, int resumes)
    {
        var tokenDelayMs = options.Number("resume-token-delay-ms", 5);
        var dropAfter = options.Number("drop-after", 5);
        // Past the journal's default window (100 ms), so the events a live resume asks for are stored.
        var reconnectDelayMs = options.Number("reconnect-delay-ms", 120);
        await using var api = await ApiServer.StartAsync(ApiServerOptions.From(options, tokenDelayMs, prewarmOnStartup: true, redis.ConnectionString));
        await using var states = await RunStateReader.ConnectAsync(redis.ConnectionString);
        using var client = new ResumeClient(RequestTimeout);
        using var answers = new StreamClient(RequestTimeout);
        var target = StreamTarget.Api(api.BaseUrl, question, api.GatewaySecret).AsResumable();
        var tokens = (await answers.ReadTokensAsync(target)).Count;
        Console.WriteLine($"API {api.BaseUrl} (pid {api.ProcessId}) at {tokenDelayMs} ms a token; {tokens} token events an answer.");

        var probe = new ResumeLatencyProbe(client, target, states, dropAfter, TimeSpan.FromMilliseconds(reconnectDelayMs), tokens);
        await probe.LiveAsync(Math.Max(20, resumes / 20), "resume-warm");
        var results = new List<ResumeLatencyResult>
        {
            await probe.LiveAsync(resumes, $"resume-live-{Guid.NewGuid():N}"),
            await probe.CompletedAsync(resumes, $"resume-done-{Guid.NewGuid():N}"),
        };
        foreach (var result in results)
        {
            Console.WriteLine($"{result.Case,-9} {result.Outcomes.Count} resumes, first event p50 {result.FirstEvent.P50:0.00} ms p99 {result.FirstEvent.P99:0.00} ms, errors {result.Errors}");
        }
        return $"### Resume latency\n\nOffline model at {tokenDelayMs} ms a token, so a run outlives its dropped connection; each run is dropped after "
            + $"{dropAfter} events (the start and {dropAfter - 1} tokens) and resumed with `Last-Event-ID: {dropAfter}`, one resume at a time. "
            + $"Live runs are resumed {reconnectDelayMs} ms after the drop (so their next events are already journaled) and stopped after their first replayed event; completed runs are all dropped first, "
            + "resumed once Redis says they completed, and read to the end.\n\n"
            + ResumeLatencyReport.Render(results) + "\n";
    }
}
