namespace Chatbot.ApiService.Limits;

/// <summary>
/// The open-answer limit's scripts. Each touches one key, the owner's sorted set of open run ids
/// scored by when their lease lapses (unix ms), so each runs on one cluster slot. Time is Redis's
/// own (<c>TIME</c>), so replicas whose clocks differ agree on what has lapsed.
/// </summary>
public static class RedisOpenAnswerScripts
{
    /// <summary>
    /// KEYS: the owner's open answers. ARGV: run id, limit, lease ms. Drops lapsed runs, then
    /// admits the run if the owner has fewer than the limit open (or it is already in). Returns 1
    /// when admitted, 0 when refused. The key lives as long as its newest lease.
    /// </summary>
    public const string Admit = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
        if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
          return 0
        end
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    /// <summary>
    /// KEYS: the owner's open answers. ARGV: run id, lease ms. Extends the run's lease; puts it
    /// back if it had lapsed meanwhile (it is still open, so it counts).
    /// </summary>
    public const string Renew = """
        local time = redis.call('TIME')
        local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
        redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;
}
