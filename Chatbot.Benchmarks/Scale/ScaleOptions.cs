using Chatbot.Benchmarks.Client;

namespace Chatbot.Benchmarks.Scale;

/// <summary>The <c>scale</c> mode's settings, from its command line.</summary>
public sealed record ScaleOptions(
    int Replicas,
    int Streams,
    int TokenDelayMs,
    TimeSpan Ramp,
    TimeSpan AskFor,
    TimeSpan FaultAfter,
    TimeSpan Outage,
    TimeSpan StreamDeadline,
    TimeSpan WriteBackWait,
    IReadOnlyList<string> Phases,
    string Question)
{
    public const string ReplicaKillPhase = "replica-kill";
    public const string NodeRestartPhase = "node-restart";

    /// <summary>Redis Cluster masters: the smallest cluster redis-cli creates.</summary>
    public const int RedisMasters = 3;

    public static ScaleOptions From(CommandLine options)
    {
        var scale = Parse(options);
        if (scale.Phases.FirstOrDefault(phase => phase is not (ReplicaKillPhase or NodeRestartPhase)) is { } unknown)
        {
            throw new ArgumentException($"Unknown phase '{unknown}': use {ReplicaKillPhase}, {NodeRestartPhase} or both.");
        }
        return scale;
    }

    private static ScaleOptions Parse(CommandLine options) => new(
        Replicas: options.Number("replicas", 3),
        Streams: options.Number("streams", 1000),
        TokenDelayMs: options.Number("token-delay-ms", 15),
        Ramp: Seconds(options, "ramp-seconds", 10),
        AskFor: Seconds(options, "ask-seconds", 40),
        FaultAfter: Seconds(options, "fault-after-seconds", 20),
        Outage: Seconds(options, "outage-seconds", 8),
        StreamDeadline: Seconds(options, "stream-deadline-seconds", 60),
        WriteBackWait: Seconds(options, "write-back-seconds", 5),
        Phases: options.Text("phases", $"{ReplicaKillPhase},{NodeRestartPhase}").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Question: options.Text("question", BenchmarkQuestion.Default));

    /// <summary>The command line that reproduces a run with these settings.</summary>
    public string CommandLine =>
        $"dotnet run -c Release --project Chatbot.Benchmarks -- scale --replicas {Replicas} --streams {Streams} --token-delay-ms {TokenDelayMs} "
        + $"--ramp-seconds {Ramp.TotalSeconds:0} --ask-seconds {AskFor.TotalSeconds:0} --fault-after-seconds {FaultAfter.TotalSeconds:0} "
        + $"--outage-seconds {Outage.TotalSeconds:0} --stream-deadline-seconds {StreamDeadline.TotalSeconds:0} --write-back-seconds {WriteBackWait.TotalSeconds:0} "
        + $"--phases {string.Join(',', Phases)}";

    private static TimeSpan Seconds(CommandLine options, string name, int fallback) => TimeSpan.FromSeconds(options.Decimal(name, fallback));
}
