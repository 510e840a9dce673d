namespace Chatbot.ApiService.Memory.Redis;

/// <summary>
/// The Lua scripts behind each store operation: one round trip each, atomic, so concurrent
/// writers never read-modify-write. Every script takes the same four keys:
/// turns, meta, owner index, id holder (see <see cref="RedisConversationKeys"/>).
/// </summary>
public static class RedisScripts
{
    /// <summary>
    /// ARGV: ttl ms, max turns, id, owner, title, updated ms, turn JSON... Returns all turns ever written.
    /// The holder is only taken when free, so an append can never steal another owner's id.
    /// </summary>
    public const string Append = """
        local ttl = tonumber(ARGV[1])
        for i = 7, #ARGV do
          redis.call('RPUSH', KEYS[1], ARGV[i])
        end
        redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
        local total = redis.call('HINCRBY', KEYS[2], 'turns', #ARGV - 6)
        redis.call('HSETNX', KEYS[2], 'title', ARGV[5])
        local updated = tonumber(ARGV[6])
        local previous = tonumber(redis.call('HGET', KEYS[2], 'updated') or '0')
        if updated > previous then
          redis.call('HSET', KEYS[2], 'updated', ARGV[6])
        else
          updated = previous
        end
        redis.call('ZADD', KEYS[3], updated, ARGV[3])
        local holder = redis.call('GET', KEYS[4])
        if holder == false or holder == ARGV[4] then
          redis.call('SET', KEYS[4], ARGV[4], 'PX', ttl)
        end
        redis.call('PEXPIRE', KEYS[1], ttl)
        redis.call('PEXPIRE', KEYS[2], ttl)
        redis.call('PEXPIRE', KEYS[3], ttl)
        return total
        """;

    /// <summary>ARGV: ttl ms, owner. Returns the turns, oldest first; a read slides the expiry.</summary>
    public const string Read = """
        local turns = redis.call('LRANGE', KEYS[1], 0, -1)
        if #turns > 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          redis.call('PEXPIRE', KEYS[2], ARGV[1])
          redis.call('PEXPIRE', KEYS[3], ARGV[1])
          if redis.call('GET', KEYS[4]) == ARGV[2] then
            redis.call('PEXPIRE', KEYS[4], ARGV[1])
          end
        end
        return turns
        """;

    /// <summary>ARGV: id, owner. Returns 1 when the owner had the conversation; frees the id.</summary>
    public const string Delete = """
        local existed = redis.call('DEL', KEYS[1], KEYS[2])
        redis.call('ZREM', KEYS[3], ARGV[1])
        if redis.call('GET', KEYS[4]) == ARGV[2] then
          redis.call('DEL', KEYS[4])
        end
        if existed > 0 then return 1 else return 0 end
        """;

    /// <summary>
    /// KEYS: owner index. ARGV: meta key prefix, first, last (0-based, inclusive). Drops ids whose
    /// conversation expired, then returns total, and id, title, updated ms, turns for each on the page.
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
