using System.Diagnostics;
using Chatbot.ApiService.Agents;
using Chatbot.ApiService.Live;
using Chatbot.ApiService.Llm;
using Chatbot.ApiService.Memory;
using Chatbot.ApiService.Runs;
using Chatbot.ApiService.Telemetry;
using Chatbot.ApiService.Tools.Knowledge;
using Chatbot.ApiService.Tools.Portfolio;
using Chatbot.Contracts.Api;
using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Chatbot.ApiService.Prewarm;

/// <summary>
/// Readies the process for its first question, as the seed's prewarm did: builds the agent team and
/// the documents' search index, and opens the connections an answer uses (hot memory, run store,
/// archive, model endpoint, the platform's asset API), timing each; the first time, it also asks its
/// one round of rehearsals (<see cref="Rehearsal"/>).
/// One warm-up at a time however many callers arrive together. Its report stands until a
/// component has failed (the next call tries again) or no answer has begun for
/// <see cref="PrewarmOptions.RewarmWhenQuietFor"/>: idle connections close, so it connects again.
/// </summary>
public sealed class PrewarmService(
    AgentRuntimeProvider runtimes,
    IConversationStore memory,
    IRunStore runStore,
    ModelConnectionWarmer model,
    IPortfolioSource portfolio,
    Rehearsal rehearsal,
    KnowledgeLibrary knowledge,
    RunRegistry runs,
    StoreStatus stores,
    IServiceProvider services,
    IOptions<PrewarmOptions> options,
    IHostApplicationLifetime lifetime,
    ChatbotMetrics metrics,
    ILogger<PrewarmService> logger)
{
    private readonly Lock _gate = new();
    private Task<PrewarmReport>? _warmup;
    private PrewarmReport? _last;
    private bool _rehearsed;

    /// <summary>The last finished warm-up, even with a failed component (readiness says which); null before the first.</summary>
    public PrewarmReport? Last => Volatile.Read(ref _last);

    /// <summary>The warm-up under way or last run; null before the first began.</summary>
    public Task? Current => Volatile.Read(ref _warmup);

    public Task<PrewarmReport> WarmAsync()
    {
        lock (_gate)
        {
            if (_warmup is null || _warmup.IsFaulted || _warmup.IsCompletedSuccessfully && IsDue(_warmup.Result))
            {
                _warmup = Task.Run(RunAsync);
            }
            return _warmup;
        }
    }

    private bool IsDue(PrewarmReport report) =>
        !report.AllWarm || options.Value.RewarmWhenQuietFor > TimeSpan.Zero && runs.Quiet >= options.Value.RewarmWhenQuietFor;

    private async Task<PrewarmReport> RunAsync()
    {
        using var span = ChatbotActivities.Source.StartActivity("prewarm");
        var started = Stopwatch.GetTimestamp();
        // At most 30 s, and a stop does not wait for a store that does not answer.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        stop.CancelAfter(TimeSpan.FromSeconds(30));
        List<PrewarmComponentResponse> components =
        [
            await MeasureAsync("agent_build", async () => $"runtime {(await runtimes.GetAsync()).Id}"),
            await MeasureAsync("knowledge", async () => $"{(await knowledge.IndexAsync()).Count} passages"),
            await MeasureAsync("memory_store", () => ConnectAsync(memory.Name, memory.ConnectAsync, stop.Token)),
            await MeasureAsync("run_store", () => ConnectAsync(runStore.Name, runStore.ConnectAsync, stop.Token)),
            await MeasureAsync("archive", () => PingArchiveAsync(stop.Token)),
            await MeasureAsync("model_client", () => model.WarmAsync(stop.Token)),
            await MeasureAsync("platform", () => portfolio.WarmAsync(stop.Token)),
        ];
        if (!_rehearsed)
        {
            components.Add(await MeasureAsync("http", () => rehearsal.RunAsync(stop.Token)));
            _rehearsed = components[^1].Ok;
        }
        var report = new PrewarmReport(components, Stopwatch.GetElapsedTime(started).TotalMilliseconds, DateTimeOffset.UtcNow);
        logger.LogInformation("Prewarm finished in {TotalMs:F1} ms: {Components}", report.TotalMs,
            string.Join(", ", components.Select(component => $"{component.Name} {component.DurationMs:F1} ms")));
        Volatile.Write(ref _last, report);
        return report;
    }

    private static async Task<string> ConnectAsync(string name, Func<CancellationToken, Task> connect, CancellationToken cancellationToken)
    {
        await connect(cancellationToken);
        return name;
    }

    private async Task<string> PingArchiveAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IMongoDatabase>() is not { } database)
        {
            return $"archive {stores.Archive}";
        }
        await database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
        return "mongodb";
    }

    private async Task<PrewarmComponentResponse> MeasureAsync(string name, Func<Task<string>> warm)
    {
        using var span = ChatbotActivities.Source.StartActivity($"prewarm {name}")?.SetTag(ChatbotActivities.ComponentTag, name);
        var started = Stopwatch.GetTimestamp();
        PrewarmComponentResponse component;
        try
        {
            var detail = await warm();
            component = new(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, detail);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A store or provider that is down must not stop the rest from warming; health says so.
            logger.LogWarning(exception, "Prewarm of {Component} failed", name);
            span.RecordError(exception);
            component = new(name, Stopwatch.GetElapsedTime(started).TotalMilliseconds, "failed", Ok: false);
        }
        metrics.PrewarmComponent(name, component.DurationMs);
        return component;
    }
}
