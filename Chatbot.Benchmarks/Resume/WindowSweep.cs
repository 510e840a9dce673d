using System.Globalization;
using Chatbot.Benchmarks.Client;
using Chatbot.Benchmarks.Hosting;
using StackExchange.Redis;

namespace Chatbot.Benchmarks.Resume;

/// <summary>
/// The journal window at a model's pace: for each window, a fresh API process (setting
/// <c>Chatbot:Runs:JournalWindow</c>) answers <c>c</c> users in a closed loop without resumable
/// streams and then with them. Redis's commands and CPU and the API's CPU are read around each
/// measured phase.
/// </summary>
public sealed class WindowSweep(CommandLine options, RedisServer redis, string question)
{
    public const string NotResumable = "not resumable";
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private int TokenDelayMs => options.Number("window-token-delay-ms", 15);

    private int Concurrency => options.Number("window-concurrency", 64);

    private int AnswersPerPhase => options.Number("window-answers", 256);

    /// <summary>Two answers a user: the API's code is compiled to its final tier before a phase is measured.</summary>
    private int WarmupAnswers => 2 * Concurrency;

    public async Task<IReadOnlyList<WindowComparison>> MeasureAsync(int[] windowsMs)
    {
        await using var admin = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = admin.GetServer(redis.ConnectionString);
        var measured = new List<WindowComparison>();
        foreach (var windowMs in windowsMs)
        {
            measured.Add(await MeasureWindowAsync(windowMs, server));
        }
        return measured;
    }

    /// <summary>
    /// Both kinds of request warmed up and then measured in the same process, so what the API's
    /// own start costs (its code compiled to the final tier meanwhile) falls on neither alone.
    /// </summary>
    private async Task<WindowComparison> MeasureWindowAsync(int windowMs, IServer server)
    {
        var window = TimeSpan.FromMilliseconds(windowMs).ToString("c", CultureInfo.InvariantCulture);
        var apiOptions = ApiServerOptions.From(options, TokenDelayMs, prewarmOnStartup: true, redis.ConnectionString);
        await using var api = await ApiServer.StartAsync(apiOptions with
        {
            Environment = new Dictionary<string, string>(apiOptions.Environment) { ["Chatbot__Runs__JournalWindow"] = window },
        });
        using var client = new CadenceClient(RequestTimeout);
        using var tokenReader = new StreamClient(RequestTimeout);
        var off = StreamTarget.Api(api.BaseUrl, question, api.GatewaySecret);
        var on = off.AsResumable();
        var tokens = (await tokenReader.ReadTokensAsync(on)).Count;
        await RunAsync(client, off, WarmupAnswers, $"warm-{Guid.NewGuid():N}");
        await RunAsync(client, on, WarmupAnswers, $"warm-{Guid.NewGuid():N}");

        var notResumable = await MeasurePhaseAsync(client, off, $"{windowMs} ms, {NotResumable}", api, server, tokens);
        var resumable = await MeasurePhaseAsync(client, on, $"{windowMs} ms", api, server, tokens);
        return new WindowComparison(windowMs, notResumable, resumable);
    }

    private async Task<WindowMeasurement> MeasurePhaseAsync(CadenceClient client, StreamTarget target, string setting, ApiServer api, IServer server, int tokens)
    {
        var commandsBefore = await RedisCommandStats.ReadAsync(server);
        var cpuBefore = CpuTimes.Read(api, redis);
        var outcomes = await RunAsync(client, target, AnswersPerPhase, $"phase-{Guid.NewGuid():N}");
        var cpu = CpuTimes.Read(api, redis) - cpuBefore;
        var commands = await RedisCommandStats.ReadAsync(server) - commandsBefore;
        var measurement = new WindowMeasurement(setting, outcomes, cpu, commands, tokens);
        Console.WriteLine($"window {setting,-14} {measurement.Answers} answers, errors {measurement.Errors}, TTFT p50 {measurement.TimeToFirstToken.P50:0.0} ms, "
            + $"longest pause p50 {measurement.LongestPause.P50:0.0} ms, {measurement.AppendsPerAnswer:0.0} appends and {measurement.ScriptsPerAnswer:0.0} scripts an answer, "
            + $"Redis {measurement.RedisCpuMsPerAnswer:0.00} ms CPU an answer ({commands.Calls("eval")} eval, {commands.Calls("evalsha")} evalsha)");
        return measurement;
    }

    /// <summary><see cref="Concurrency"/> users asking one after another until <paramref name="answers"/> were asked.</summary>
    private async Task<IReadOnlyList<CadenceOutcome>> RunAsync(CadenceClient client, StreamTarget target, int answers, string tag)
    {
        var outcomes = new CadenceOutcome[answers];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async user =>
        {
            int number;
            while ((number = Interlocked.Increment(ref next)) < answers)
            {
                outcomes[number] = await client.AskAsync(target, $"bench-{tag}-{number}", user);
            }
        }));
        return outcomes;
    }
}
