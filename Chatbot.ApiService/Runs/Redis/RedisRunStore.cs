using System.Runtime.CompilerServices;
using Chatbot.ApiService.Streaming;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Chatbot.ApiService.Runs.Redis;

/// <summary>
/// Runs in Redis, shared by every replica: events in a capped stream per run (an entry per
/// append, see <see cref="RedisEventBatch"/>), a small record, the producer's lease. Followers
/// wake on the run's pub/sub channel (StackExchange.Redis cannot block on XREAD) and check the
/// lease whenever nothing came for a poll interval. Stop requests reach the producing replica
/// over one channel every replica listens to.
/// </summary>
public sealed class RedisRunStore(
    IConnectionMultiplexer redis,
    RunCancellations cancellations,
    IOptions<ResumableRunOptions> options,
    TimeProvider clock,
    ILogger<RedisRunStore> logger) : IRunStore
{
    /// <summary>Stream entries (batches of events) read per round trip.</summary>
    private const int ReadBatch = 64;

    private readonly Lock _gate = new();
    private Task? _cancelSubscription;

    public string Name => "redis";

    private IDatabase Database => redis.GetDatabase();

    private ResumableRunOptions Options => options.Value;

    private long RetainMs => (long)Options.RetainFor.TotalMilliseconds;

    private long LeaseMs => (long)Options.Lease.TotalMilliseconds;

    private long NowMs => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await ListenForCancelsAsync();
        // Every primary: in a cluster each run's keys live on one of them.
        foreach (var server in redis.GetServers().Where(server => server.IsConnected && !server.IsReplica))
        {
            foreach (var script in new[] { RedisRunScripts.Open, RedisRunScripts.Append, RedisRunScripts.Read, RedisRunScripts.KeepAlive, RedisRunScripts.Interrupt, RedisRunScripts.Cancel, RedisRunScripts.Get })
            {
                await server.ScriptLoadAsync(script);
            }
        }
    }

    public async Task<bool> OpenAsync(RunRecord run, IReadOnlyList<StreamEvent> first, int openLimit, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            // Fail at once rather than after the connect timeout: the answer then streams unjournaled.
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", null, CommandStatus.Unknown);
        }
        await ListenForCancelsAsync();
        var state = await Database.ScriptEvaluateAsync(RedisRunScripts.Open, Keys(run),
        [
            run.RunId, openLimit, LeaseMs, RetainMs, run.ConversationId, run.Owner, run.StartedAt.ToUnixTimeMilliseconds(),
            first[0].Sequence, first[^1].Sequence, RedisEventBatch.Encode(first),
        ]);
        return (string?)state == "running";
    }

    public async Task<JournalOutcome> AppendAsync(RunRecord run, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        var terminal = events[^1].IsTerminal ? RunStates.EndedBy(events[^1]).ToStoredName() : "";
        var state = await Database.ScriptEvaluateAsync(RedisRunScripts.Append, Keys(run),
        [
            RetainMs, Options.MaxEvents, terminal, RedisRunKeys.AppendedChannelName(run.RunId), NowMs,
            events[0].Sequence, events[^1].Sequence, RedisEventBatch.Encode(events), run.RunId,
        ]);
        return Outcome((string?)state);
    }

    public async Task<JournalOutcome> KeepAliveAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var state = await Database.ScriptEvaluateAsync(RedisRunScripts.KeepAlive,
            [RedisRunKeys.Record(run.RunId), RedisRunKeys.Alive(run.RunId), RedisRunKeys.Events(run.RunId), RedisRunKeys.OpenAnswers(run.Owner)],
            [LeaseMs, RetainMs, run.RunId]);
        return Outcome((string?)state);
    }

    public async Task<RunRecord?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var result = await Database.ScriptEvaluateAsync(RedisRunScripts.Get, [RedisRunKeys.Record(runId), RedisRunKeys.Events(runId)]);
        if (result.IsNull)
        {
            return null;
        }
        var fields = (RedisValue[])result!;
        var lastSequence = (long)fields[3];
        return new RunRecord(
            runId,
            ConversationId: fields[1]!,
            Owner: fields[2]!,
            State: RunStates.Parse(fields[0]!),
            StartedAt: DateTimeOffset.FromUnixTimeMilliseconds((long)fields[4]),
            EndedAt: fields[5].IsNullOrEmpty ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)fields[5]),
            LastSequence: lastSequence,
            FirstKeptSequence: fields[6].IsNullOrEmpty ? lastSequence + 1 : RedisRunKeys.SequenceOf(fields[6]));
    }

    public async IAsyncEnumerable<StreamEvent> FollowAsync(string runId, long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Subscribed before the first read, so an append between the read and the wait still wakes it.
        var appended = await redis.GetSubscriber().SubscribeAsync(RedisRunKeys.AppendedChannel(runId));
        try
        {
            while (true)
            {
                var entries = (RedisResult[])(await Database.ScriptEvaluateAsync(RedisRunScripts.Read, [RedisRunKeys.Events(runId)], [after, ReadBatch]))!;
                foreach (var streamEvent in RedisEventBatch.ReadEntries(entries, after))
                {
                    yield return streamEvent;
                    if (streamEvent.IsTerminal)
                    {
                        yield break;
                    }
                    after = streamEvent.Sequence;
                }
                if (entries.Length < ReadBatch && !await WaitForAppendAsync(appended, cancellationToken) && await InterruptIfAbandonedAsync(runId) < 0)
                {
                    yield break; // expired while followed
                }
            }
        }
        finally
        {
            await appended.UnsubscribeAsync();
        }
    }

    public async Task<bool> RequestCancelAsync(string runId, CancellationToken cancellationToken)
    {
        var state = await Database.ScriptEvaluateAsync(RedisRunScripts.Cancel, [RedisRunKeys.Record(runId)], [RedisRunKeys.CancelChannel.ToString(), runId]);
        return (string?)state == "running";
    }

    /// <summary>True when something was appended, false when the poll interval passed in silence.</summary>
    private async Task<bool> WaitForAppendAsync(ChannelMessageQueue appended, CancellationToken cancellationToken)
    {
        using var poll = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        poll.CancelAfter(Options.FollowPollInterval);
        try
        {
            await appended.ReadAsync(poll.Token);
            while (appended.TryRead(out _))
            {
                // One read catches up with every append so far.
            }
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Ends a run whose producer's lease ran out with an <c>interrupted</c> error; -1 when the run is gone.</summary>
    private async Task<long> InterruptIfAbandonedAsync(string runId)
    {
        var error = RedisEventBatch.Encode([StreamEvent.Interrupted(runId)]);
        var sequence = (long)await Database.ScriptEvaluateAsync(RedisRunScripts.Interrupt,
            [RedisRunKeys.Record(runId), RedisRunKeys.Events(runId), RedisRunKeys.Alive(runId)],
            [RetainMs, error, RedisRunKeys.AppendedChannelName(runId), NowMs]);
        if (sequence > 0)
        {
            logger.LogWarning("Run {RunId} interrupted: its producer stopped renewing its lease", runId);
        }
        return sequence;
    }

    private Task ListenForCancelsAsync()
    {
        lock (_gate)
        {
            if (_cancelSubscription is null || _cancelSubscription.IsFaulted || _cancelSubscription.IsCanceled)
            {
                _cancelSubscription = redis.GetSubscriber().SubscribeAsync(RedisRunKeys.CancelChannel,
                    (_, runId) => cancellations.Cancel(runId.ToString()));
            }
            return _cancelSubscription;
        }
    }

    /// <summary>What <see cref="RedisRunScripts.Open"/> and <see cref="RedisRunScripts.Append"/> touch.</summary>
    private static RedisKey[] Keys(RunRecord run) =>
        [RedisRunKeys.Record(run.RunId), RedisRunKeys.Events(run.RunId), RedisRunKeys.Alive(run.RunId), RedisRunKeys.OpenAnswers(run.Owner)];

    private static JournalOutcome Outcome(string? state) => state switch
    {
        "running" => JournalOutcome.Running,
        "cancel" => JournalOutcome.CancelRequested,
        _ => JournalOutcome.Closed,
    };
}
