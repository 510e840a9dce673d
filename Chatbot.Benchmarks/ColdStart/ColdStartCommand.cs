using System.Diagnostics;
using Chatbot.Benchmarks.Baseline;
using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.ColdStart;

/// <summary>
/// <c>coldstart</c>: fresh API processes, the variants in turn (<see cref="ColdStartVariant"/>; by
/// default start-up prewarm on and off). Each measures process start → listening and → ready
/// (<c>/health</c> 200, which waits for the warm-up when it is on), the first answer's time to
/// first token as a client that is already warm sees it (so it is the server's), then
/// steady-state answers.
/// </summary>
public static class ColdStartCommand
{
    public static async Task<int> RunAsync(CommandLine options)
    {
        var started = Stopwatch.GetTimestamp();
        var runs = options.Number("runs", 5);
        var steadyRequests = options.Number("steady-requests", 30);
        var question = options.Text("question", BenchmarkQuestion.Default);
        var machine = MachineDescription.Describe();

        await using var redis = await RedisServer.StartAsync();
        var variants = ColdStartVariant.From(options, redis.ConnectionString);
        await WarmTheClientAsync(question);
        var results = new List<ColdStartRun>();
        for (var i = 1; i <= runs; i++)
        {
            foreach (var variant in variants)
            {
                var run = await MeasureAsync(variant, i, question, steadyRequests);
                Console.WriteLine($"{variant.Name} run {i}: ready {run.Ready.TotalMilliseconds:0} ms, "
                    + $"first TTFT {run.First.TimeToFirstTokenMs:0.0} ms, steady TTFT {run.SteadyTimeToFirstTokenMs:0.00} ms");
                results.Add(run);
            }
        }

        var header = $"## coldstart\n\nMachine: {machine}. Load average at end: {MachineDescription.LoadAverage()}.\n"
            + $"Offline model at 0 ms a token, Redis at {redis.ConnectionString}, \"{question}\", {steadyRequests} steady-state answers a process.\n"
            + $"Variants, alternated: {string.Join("; ", variants.Select(variant => variant.Describe()))}.\n"
            + $"Run took {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.";
        await ResultsFile.WriteAsync("coldstart", ColdStartReport.Render(results, header));
        return 0;
    }

    /// <summary>
    /// The load client's own first request is cold too (its HTTP stack and SSE reader, ~40 ms):
    /// it asks a baseline server first, so the first measured answer times the API alone.
    /// </summary>
    private static async Task WarmTheClientAsync(string question)
    {
        await using var baseline = await BaselineServerProcess.StartAsync(["warm", "up"]);
        for (var i = 0; i < 50; i++)
        {
            using var client = new StreamClient(TimeSpan.FromSeconds(60));
            await client.AskAsync(StreamTarget.Baseline(baseline.BaseUrl, question), "client-warmup");
        }
    }

    private static async Task<ColdStartRun> MeasureAsync(ColdStartVariant variant, int number, string question, int steadyRequests)
    {
        await using var api = await ApiServer.StartAsync(variant.Options);
        using var client = new StreamClient(TimeSpan.FromSeconds(60));
        var target = StreamTarget.Api(api.BaseUrl, question, api.GatewaySecret);
        var first = await client.AskAsync(target, "coldstart-first");
        if (!first.Succeeded)
        {
            throw new InvalidOperationException($"The first answer failed: {first.Error}\n{api.Output}");
        }
        var steady = new List<double>();
        for (var i = 0; i < steadyRequests; i++)
        {
            steady.Add((await client.AskAsync(target, $"coldstart-steady-{i}")).TimeToFirstTokenMs);
        }
        return new ColdStartRun(variant.Name, number, api.Listening, api.Ready, first, new LatencyStats(steady).P50);
    }
}
