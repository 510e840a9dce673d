namespace Chatbot.ApiService.Runs.Redis;

/// <summary>
/// One script per run-store operation: atomic, one round trip, one slot (<see cref="RedisRunKeys"/>).
/// A run is written only while its state is <c>running</c>, so a producer that was declared dead
/// can never write after the <c>interrupted</c> error a follower wrote for it (its place in its
/// owner's open answers then lapses with its lease).
/// </summary>
public static class RedisRunScripts
{
    /// <summary>
    /// KEYS: record, events, alive, the owner's open answers. ARGV: run id, limit, lease ms,
    /// retain ms, conversation, owner, start (unix ms), first and last sequence of the batch, the
    /// batch (<see cref="RedisEventBatch"/>: the run's first events, never its end). Admits the run
    /// if its owner has fewer than the limit running (lapsed leases dropped first), then creates its
    /// record with the batch, takes the producer's lease and sets the keys' expiry (while running:
    /// the longer of retain and lease). One round trip before the first token, and a refused run
    /// leaves nothing behind. Returns 'running', or 'too_many' when refused. Time is Redis's own
    /// (<c>TIME</c>), so replicas whose clocks differ agree on what has lapsed.
    /// </summary>
    public const string Open = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
        if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[2]) then return 'too_many' end
        redis.call('ZADD', KEYS[4], now + tonumber(ARGV[3]), ARGV[1])
        redis.call('PEXPIRE', KEYS[4], ARGV[3])
        redis.call('HSET', KEYS[1], 'conversation', ARGV[5], 'owner', ARGV[6], 'state', 'running', 'last', ARGV[9], 'cancel', 0, 'started', ARGV[7])
        redis.call('XADD', KEYS[2], '0-' .. ARGV[8], 'e', ARGV[10])
        redis.call('SET', KEYS[3], 1, 'PX', ARGV[3])
        local keep = math.max(tonumber(ARGV[4]), tonumber(ARGV[3]))
        redis.call('PEXPIRE', KEYS[1], keep)
        redis.call('PEXPIRE', KEYS[2], keep)
        return 'running'
        """;

    /// <summary>
    /// KEYS: record, events, alive, the owner's open answers. ARGV: retain ms, max events, end
    /// state ('' while running), appended channel, now (unix ms), first and last sequence of the
    /// batch, the batch, run id. The batch is one stream entry (id 0-&lt;first sequence&gt;): one
    /// XADD per batch, not per event. Entries are trimmed a whole batch at a time, but never one
    /// holding any of the newest max events (with batches, a few more may be kept). The last append
    /// starts the retention and gives the owner's open answer back; <see cref="KeepAlive"/> renews
    /// the lease and the expiry in between, so an append in the middle of a run is a check, an
    /// XADD, an HSET and a PUBLISH. Returns the run's state ('cancel' when a stop was asked for).
    /// </summary>
    public const string Append = """
        local run = redis.call('HMGET', KEYS[1], 'state', 'cancel')
        if run[1] ~= 'running' then return run[1] or 'missing' end
        -- Keep the entry holding the oldest of the newest max events, and every entry after it.
        local bound = tonumber(ARGV[7]) - tonumber(ARGV[2]) + 1
        local oldest = '0-0'
        if bound >= tonumber(ARGV[6]) then
          oldest = '0-' .. ARGV[6]
        elseif bound > 1 then
          local holding = redis.call('XREVRANGE', KEYS[2], '0-' .. bound, '-', 'COUNT', 1)
          if holding[1] then oldest = holding[1][1] end
        end
        redis.call('XADD', KEYS[2], 'MINID', oldest, '0-' .. ARGV[6], 'e', ARGV[8])
        if ARGV[3] ~= '' then
          redis.call('HSET', KEYS[1], 'last', ARGV[7], 'state', ARGV[3], 'ended', ARGV[5])
          redis.call('DEL', KEYS[3])
          redis.call('ZREM', KEYS[4], ARGV[9])
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          redis.call('PEXPIRE', KEYS[2], ARGV[1])
        else
          redis.call('HSET', KEYS[1], 'last', ARGV[7])
        end
        redis.call('PUBLISH', ARGV[4], ARGV[7])
        if run[2] == '1' then return 'cancel' end
        return 'running'
        """;

    /// <summary>
    /// KEYS: events. ARGV: after (sequence), max entries. The entries from the one holding
    /// event after + 1 on, oldest first; the caller skips the events it already has.
    /// </summary>
    public const string Read = """
        local holding = redis.call('XREVRANGE', KEYS[1], '0-' .. (tonumber(ARGV[1]) + 1), '-', 'COUNT', 1)
        local from = '0-' .. (tonumber(ARGV[1]) + 1)
        if holding[1] then from = holding[1][1] end
        return redis.call('XRANGE', KEYS[1], from, '+', 'COUNT', ARGV[2])
        """;

    /// <summary>
    /// KEYS: record, alive, events, the owner's open answers. ARGV: lease ms, retain ms, run id.
    /// Renews the producer's lease, the keys' running expiry (see <see cref="Open"/>) and the run's
    /// place in its owner's open answers (put back if it had lapsed meanwhile: it still runs, so it
    /// counts). Returns the state, as <see cref="Append"/>.
    /// </summary>
    public const string KeepAlive = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if state ~= 'running' then return state or 'missing' end
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        local keep = math.max(tonumber(ARGV[1]), tonumber(ARGV[2]))
        redis.call('SET', KEYS[2], 1, 'PX', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], keep)
        redis.call('PEXPIRE', KEYS[3], keep)
        redis.call('ZADD', KEYS[4], now + tonumber(ARGV[1]), ARGV[3])
        redis.call('PEXPIRE', KEYS[4], ARGV[1])
        if redis.call('HGET', KEYS[1], 'cancel') == '1' then return 'cancel' end
        return 'running'
        """;

    /// <summary>
    /// KEYS: record, events, alive. ARGV: retain ms, error (a batch of one), appended channel, now (unix ms). When the run
    /// is still running but its lease is gone, appends the error as the next event and ends the
    /// run. Returns that event's sequence, 0 when the run is alive or ended, -1 when it is unknown.
    /// </summary>
    public const string Interrupt = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then return -1 end
        if state ~= 'running' or redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
        local seq = tonumber(redis.call('HGET', KEYS[1], 'last')) + 1
        redis.call('XADD', KEYS[2], '0-' .. seq, 'e', ARGV[2])
        redis.call('HSET', KEYS[1], 'state', 'interrupted', 'last', seq, 'ended', ARGV[4])
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[1])
        redis.call('PUBLISH', ARGV[3], seq)
        return seq
        """;

    /// <summary>KEYS: record. ARGV: cancel channel, run id. Returns the state before ('missing' when unknown).</summary>
    public const string Cancel = """
        local state = redis.call('HGET', KEYS[1], 'state')
        if state ~= 'running' then return state or 'missing' end
        redis.call('HSET', KEYS[1], 'cancel', 1)
        redis.call('PUBLISH', ARGV[1], ARGV[2])
        return 'running'
        """;

    /// <summary>
    /// KEYS: record, events. Returns state, conversation, owner, last sequence, started, ended
    /// ('' while running), first kept entry id ('' when none); nil when unknown.
    /// </summary>
    public const string Get = """
        local run = redis.call('HMGET', KEYS[1], 'state', 'conversation', 'owner', 'last', 'started', 'ended')
        if not run[1] then return false end
        local first = redis.call('XRANGE', KEYS[2], '-', '+', 'COUNT', 1)
        local firstId = ''
        if first[1] then firstId = first[1][1] end
        return {run[1], run[2], run[3], run[4], run[5], run[6] or '', firstId}
        """;
}
