using System.Diagnostics;
using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Reporting;

namespace Chatbot.Benchmarks.Soak;

/// <summary>
/// <c>soak</c>: the API at the offline model's demo pace (15 ms a token) holding 1,000
/// concurrent streams: 1,000 users, each asking again as soon as its answer ends, opened over a
/// ramp, then held. Reports errors, the API's resident memory per open stream, and its CPU.
/// </summary>
public static class SoakCommand
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(CommandLine options)
    {
        var started = Stopwatch.GetTimestamp();
        var streams = options.Number("streams", 1000);
        var hold = TimeSpan.FromSeconds(options.Number("hold-seconds", 60));
        var ramp = TimeSpan.FromSeconds(options.Number("ramp-seconds", 10));
        var tokenDelayMs = options.Number("token-delay-ms", 15);
        var question = options.Text("question", BenchmarkQuestion.Default);
        var machine = MachineDescription.Describe();

        await using var redis = await RedisServer.StartAsync();
        await using var api = await ApiServer.StartAsync(ApiServerOptions.From(options, tokenDelayMs, prewarmOnStartup: true, redis.ConnectionString));
        using var client = new StreamClient(TimeSpan.FromSeconds(120));
        var target = StreamTarget.Api(api.BaseUrl, question, api.GatewaySecret);

        var expectedTokens = (await client.ReadTokensAsync(target)).Count;
        await new ClosedLoop(Concurrency: 20, MaxRequests: 40, TimeLimit: TimeSpan.FromSeconds(30)).RunAsync(client, target, "soak-warm");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = api.Stats().ResidentBytes;

        var gauge = new StreamGauge();
        var loop = new ClosedLoop(streams, MaxRequests: streams * 10_000, TimeLimit: ramp + hold, Ramp: ramp);
        using var sampling = new CancellationTokenSource();
        var loopStarted = Stopwatch.GetTimestamp();
        var samples = SampleAsync(api, gauge, loopStarted, sampling.Token);
        var answers = await loop.RunAsync(client, target, "soak", gauge);
        await sampling.CancelAsync();

        // Held: from the end of the ramp plus one answer's length, to the end of the time limit.
        var holdStart = ramp + TimeSpan.FromSeconds(3);
        var result = new SoakResult(streams, tokenDelayMs, before, await samples, answers, holdStart, ramp + hold, expectedTokens);
        var header = $"## soak\n\nMachine: {machine}. Load average at end: {MachineDescription.LoadAverage()}. Open-file limit: {OpenFileLimit()}.\n"
            + $"Offline model at {tokenDelayMs} ms a token, \"{question}\" ({expectedTokens} token events), Redis at {redis.ConnectionString}; "
            + $"{streams} users over a {ramp.TotalSeconds:0} s ramp, held {hold.TotalSeconds:0} s (measured from {holdStart.TotalSeconds:0} s).\n"
            + $"Run took {Stopwatch.GetElapsedTime(started).TotalSeconds:0} s.";
        await ResultsFile.WriteAsync("soak", SoakReport.Render(result, header));
        return 0;
    }

    private static async Task<IReadOnlyList<SoakSample>> SampleAsync(ApiServer api, StreamGauge gauge, long started, CancellationToken cancellationToken)
    {
        var samples = new List<SoakSample>();
        using var timer = new PeriodicTimer(SampleInterval);
        try
        {
            do
            {
                var sample = new SoakSample(Stopwatch.GetElapsedTime(started), gauge.InFlight, gauge.Streaming, api.Stats());
                samples.Add(sample);
                Console.WriteLine($"{sample.At.TotalSeconds,5:0} s: {sample.InFlight,5} in flight, {sample.Streaming,5} streaming, API RSS {sample.Api.ResidentBytes / (1024 * 1024)} MiB, CPU {sample.Api.CpuTime.TotalSeconds:0.0} s");
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // The soak ended.
        }
        return samples;
    }

    private static string OpenFileLimit() =>
        File.ReadLines("/proc/self/limits").FirstOrDefault(line => line.StartsWith("Max open files", StringComparison.Ordinal)) is { } line
            ? string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3..5])
            : "?";
}
