using System.Collections.Concurrent;
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

    /// <summary>Runs taken whose first append, which writes their record, has not been sent yet.</summary>
    private readonly ConcurrentDictionary<string, RunRecord> _unwritten = new();
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
            foreach (var script in new[] { RedisRunScripts.Append, RedisRunScripts.Read, RedisRunScripts.KeepAlive, RedisRunScripts.Interrupt, RedisRunScripts.Cancel, RedisRunScripts.Get })
            {
                await server.ScriptLoadAsync(script);
            }
        }
    }

    /// <summary>
    /// Takes the run if Redis is connected; its record is written by its first append, which
    /// follows at once (see <see cref="RedisRunScripts.Append"/>).
    /// </summary>
    public async Task CreateAsync(RunRecord run, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, CommandFlags.None, "Redis is not connected.", null, CommandStatus.Unknown);
        }
        await ListenForCancelsAsync();
        _unwritten[run.RunId] = run;
    }

    public async Task<JournalOutcome> AppendAsync(string runId, IReadOnlyList<StreamEvent> events, CancellationToken cancellationToken)
    {
        var terminal = events[^1].IsTerminal ? RunStates.EndedBy(events[^1]).ToStoredName() : "";
        var arguments = new RedisValue[12];
        arguments[0] = RetainMs;
        arguments[1] = Options.MaxEvents;
        arguments[2] = LeaseMs;
        arguments[3] = terminal;
        arguments[4] = RedisRunKeys.AppendedChannelName(runId);
        arguments[5] = NowMs;
        arguments[6] = events[0].Sequence;
        arguments[7] = events[^1].Sequence;
        var unwritten = _unwritten.TryRemove(runId, out var run);
        arguments[8] = unwritten ? run!.ConversationId : "";
        arguments[9] = unwritten ? run!.Owner : "";
        arguments[10] = unwritten ? run!.StartedAt.ToUnixTimeMilliseconds() : "";
        arguments[11] = RedisEventBatch.Encode(events);
        var state = await Database.ScriptEvaluateAsync(RedisRunScripts.Append,
            [RedisRunKeys.Record(runId), RedisRunKeys.Events(runId), RedisRunKeys.Alive(runId)], arguments);
        return Outcome((string?)state);
    }

    public async Task<JournalOutcome> KeepAliveAsync(string runId, CancellationToken cancellationToken)
    {
        var state = await Database.ScriptEvaluateAsync(RedisRunScripts.KeepAlive,
            [RedisRunKeys.Record(runId), RedisRunKeys.Alive(runId), RedisRunKeys.Events(runId)], [LeaseMs, RetainMs]);
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

    private static JournalOutcome Outcome(string? state) => state switch
    {
        "running" => JournalOutcome.Running,
        "cancel" => JournalOutcome.CancelRequested,
        _ => JournalOutcome.Closed,
    };
}
