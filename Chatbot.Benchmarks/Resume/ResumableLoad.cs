using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;
using Chatbot.Benchmarks.Load;
using StackExchange.Redis;

namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// The load mode's closed loop against one API process, with resumable streams off and on in
/// turn at the same level: a warm-up of each, then rounds of both measured back to back.
/// </summary>
public sealed class ResumableLoad(StreamClient client, StreamTarget off, StreamTarget on, int expectedTokens, Func<CpuTimes> readCpu, IServer redis)
{
    public async Task<OnOffMeasurement> MeasureAsync(LoadLevel level, int rounds)
    {
        var tag = $"c{level.Concurrency}-{Guid.NewGuid():N}";
        await level.Warmup.RunAsync(client, off, $"{tag}-warm-off");
        await level.Warmup.RunAsync(client, on, $"{tag}-warm-on");
        var measured = new List<OnOffRound>();
        for (var round = 0; round < rounds; round++)
        {
            // Off first in even rounds, on first in odd ones, so a drift in the machine's load falls on both.
            if (round % 2 == 0)
            {
                var offFirst = await MeasureAsync(off, level, $"{tag}-{round}");
                measured.Add(new OnOffRound(offFirst, await MeasureAsync(on, level, $"{tag}-{round}")));
            }
            else
            {
                var onFirst = await MeasureAsync(on, level, $"{tag}-{round}");
                measured.Add(new OnOffRound(await MeasureAsync(off, level, $"{tag}-{round}"), onFirst));
            }
        }
        return new OnOffMeasurement(level.Concurrency, measured);
    }

    private async Task<ModeMeasurement> MeasureAsync(StreamTarget target, LoadLevel level, string tag)
    {
        var commandsBefore = await RedisCommandStats.ReadAsync(redis);
        var before = readCpu();
        var result = await level.Measured.RunAsync(client, target, $"{tag}-{target.Name}");
        var cpu = readCpu() - before;
        var commands = await RedisCommandStats.ReadAsync(redis) - commandsBefore;
        var measurement = new ModeMeasurement(target.Name, level.Concurrency, result, cpu, commands, expectedTokens);
        Console.WriteLine($"c={level.Concurrency,-4} {target.Name,-14} {result.Requests} answers in {result.Elapsed.TotalSeconds:0.0} s, "
            + $"TTFT p50 {result.TimeToFirstToken.P50:0.00} ms p99 {result.TimeToFirstToken.P99:0.00} ms, {result.TokensPerSecond:0} tokens/s, "
            + $"API {measurement.PerAnswerMs(measurement.Cpu.Api):0.00} + Redis {measurement.PerAnswerMs(measurement.Cpu.Redis):0.00} ms CPU an answer, errors {measurement.Errors}");
        return measurement;
    }
}
