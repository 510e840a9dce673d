namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// The Lua scripts behind each store operation: one round trip each, atomic, so concurrent
/// writers never read-modify-write. Each touches the keys of one owner (one hash slot, see
/// <see cref="RedisConversationKeys"/>): turns, meta, owner index, turn ids and feedback; every
/// key of a conversation expires, slides and is erased together.
/// </summary>
public static class RedisScripts
{
    /// <summary>
    /// KEYS: turns, meta, index, turn ids, feedback. ARGV: ttl ms, max turns, id, title, updated ms,
    /// then per turn its id ('' for none), its JSON, its run id and its feedback JSON ('' for none:
    /// feedback comes with a turn only when it is rehydrated from the archive). A turn whose id was
    /// appended before is skipped, so a write repeated after a timeout (or the write-back after an
    /// outage) adds nothing twice. Returns all turns ever written.
    /// </summary>
    public const string Append = """
        local ttl = tonumber(ARGV[1])
        local added = 0
        for i = 6, #ARGV, 4 do
          if ARGV[i] == '' or redis.call('SADD', KEYS[4], ARGV[i]) == 1 then
            redis.call('RPUSH', KEYS[1], ARGV[i + 1])
            added = added + 1
            if ARGV[i + 3] ~= '' then
              redis.call('HSET', KEYS[5], ARGV[i + 2], ARGV[i + 3])
            end
          end
        end
        redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
        local total = redis.call('HINCRBY', KEYS[2], 'turns', added)
        redis.call('HSETNX', KEYS[2], 'title', ARGV[4])
        local updated = tonumber(ARGV[5])
        local previous = tonumber(redis.call('HGET', KEYS[2], 'updated') or '0')
        if updated > previous then
          redis.call('HSET', KEYS[2], 'updated', ARGV[5])
        else
          updated = previous
        end
        redis.call('ZADD', KEYS[3], updated, ARGV[3])
        for i = 1, #KEYS do
          redis.call('PEXPIRE', KEYS[i], ttl)
        end
        return total
        """;

    /// <summary>
    /// KEYS: turns, meta, index, turn ids, feedback. ARGV: ttl ms. Returns the turns, oldest first,
    /// and the feedback hash as run id, JSON pairs; a read slides the expiry.
    /// </summary>
    public const string Read = """
        local turns = redis.call('LRANGE', KEYS[1], 0, -1)
        if #turns == 0 then
          return { turns, {} }
        end
        for i = 1, #KEYS do
          redis.call('PEXPIRE', KEYS[i], ARGV[1])
        end
        return { turns, redis.call('HGETALL', KEYS[5]) }
        """;

    /// <summary>
    /// KEYS: turns, meta, index, turn ids, feedback. ARGV: ttl ms, run id, feedback JSON ('' clears).
    /// Returns { 0 } when the conversation is gone, else { 1, the feedback replaced ('' for none) };
    /// a vote slides the expiry like a read.
    /// </summary>
    public const string SetFeedback = """
        if redis.call('EXISTS', KEYS[1]) == 0 then
          return { 0 }
        end
        local previous = redis.call('HGET', KEYS[5], ARGV[2]) or ''
        if ARGV[3] == '' then
          redis.call('HDEL', KEYS[5], ARGV[2])
        else
          redis.call('HSET', KEYS[5], ARGV[2], ARGV[3])
        end
        for i = 1, #KEYS do
          redis.call('PEXPIRE', KEYS[i], ARGV[1])
        end
        return { 1, previous }
        """;

    /// <summary>KEYS: turns, meta, index, turn ids, feedback. ARGV: id. Returns 1 when the owner had the conversation.</summary>
    public const string Delete = """
        local existed = redis.call('DEL', KEYS[1], KEYS[2])
        redis.call('DEL', KEYS[4], KEYS[5])
        redis.call('ZREM', KEYS[3], ARGV[1])
        if existed > 0 then return 1 else return 0 end
        """;

    /// <summary>
    /// KEYS: owner index. ARGV: meta key prefix, first, last (0-based, inclusive). Drops ids whose
    /// conversation expired, then returns total, and id, title, updated ms, turns for each on the
    /// page. The meta keys share the index's hash tag, so this stays in one slot.
    /// </summary>
    public const string List = """
        for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
          if redis.call('EXISTS', ARGV[1] .. id) == 0 then
            redis.call('ZREM', KEYS[1], id)
          end
        end
        local result = { redis.call('ZCARD', KEYS[1]) }
        for _, id in ipairs(redis.call('ZREVRANGE', KEYS[1], ARGV[2], ARGV[3])) do
          local meta = redis.call('HMGET', ARGV[1] .. id, 'title', 'updated', 'turns')
          table.insert(result, id)
          table.insert(result, meta[1] or '')
          table.insert(result, meta[2] or '0')
          table.insert(result, meta[3] or '0')
        end
        return result
        """;
}
